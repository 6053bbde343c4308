namespace AlgoTrade.Core.Email;

/// <summary>One rendered email: subject, plain-text and HTML bodies, and the unsubscribe link when it has one.</summary>
public sealed record EmailMessageContent(string Subject, string Text, string Html, string? UnsubscribeUrl = null);

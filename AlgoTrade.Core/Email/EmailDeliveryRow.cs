namespace AlgoTrade.Core.Email;

/// <summary>One line of a user's delivery log: what was sent, to whom, and what the server answered.</summary>
public sealed record EmailDeliveryRow(long Id, string Kind, string ToAddress, string Subject, string Status, int Attempts,
    string? ServerReply, DateTime CreatedAt, DateTime? SentAt, DateTime NextAttemptAt);

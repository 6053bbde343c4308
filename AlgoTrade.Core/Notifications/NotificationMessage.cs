namespace AlgoTrade.Core.Notifications;

/// <summary>A notification that is not a bot event (account and backtest events): its email lines and its webhook body.</summary>
public sealed record NotificationMessage(string Subject, string Heading, IReadOnlyList<string> Lines, string? LinkPath, WebhookPayload Payload);

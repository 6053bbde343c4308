namespace AlgoTrade.Core.Notifications;

/// <summary>One row of the Notifications page: a type's webhook and email switches.</summary>
public sealed record NotificationSetting(string Type, bool WebhookEnabled, string? WebhookUrl, bool EmailEnabled);

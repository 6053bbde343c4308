namespace AlgoTrade.Core.Notifications;

public sealed record NotificationTypeInfo(string Type, string Label, string Description);

namespace AlgoTrade.Core.Admin;

public sealed record ActivityLogRow(
    long Id,
    DateTime Timestamp,
    string Level,
    int UserId,
    string UserEmail,
    int BotId,
    string BotName,
    string Message,
    string? DetailsJson);

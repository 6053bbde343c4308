using AlgoTrade.Core.Domain;

namespace AlgoTrade.Core.Admin;

public sealed record ActivityLogRow(
    long Id,
    DateTime Timestamp,
    ActivityLogLevel Level,
    int UserId,
    string UserEmail,
    int BotId,
    string BotName,
    string Message,
    string? DetailsJson);

using AlgoTrade.Core.Domain;

namespace AlgoTrade.Core.Admin;

public sealed record AdminBotRow(
    int Id,
    string Name,
    int OwnerId,
    string OwnerEmail,
    string Exchange,
    string Symbol,
    string Timeframe,
    string StrategyType,
    bool IsActive,
    BotStatus Status,
    DateTime? LastRunAt,
    string? LastError);

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
    string Status,
    DateTime? LastRunAt,
    string? LastError);

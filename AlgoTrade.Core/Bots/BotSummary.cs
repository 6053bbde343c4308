using AlgoTrade.Core.Domain;

namespace AlgoTrade.Core.Bots;

/// <summary>One row of the bots list: the settings a trader scans for and the runtime state.</summary>
public sealed record BotSummary(
    int Id,
    string Name,
    string Symbol,
    string Timeframe,
    string ExchangeName,
    string StrategyType,
    bool IsActive,
    int CheckIntervalSeconds,
    BotStatus Status,
    bool InPosition,
    decimal DailyPnl,
    DateTime? LastRunAt,
    string? LastErrorMessage);

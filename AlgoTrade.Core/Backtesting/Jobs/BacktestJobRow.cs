using AlgoTrade.Core.Domain;

namespace AlgoTrade.Core.Backtesting.Jobs;

/// <summary>One line of a trader's backtest list.</summary>
public sealed record BacktestJobRow(
    Guid Id,
    BacktestJobStatus Status,
    string Symbol,
    string Timeframe,
    string StrategyType,
    string? ExchangeName,
    DateTime? Start,
    DateTime? End,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    double? TotalReturnPct,
    string? ErrorMessage,
    double Progress,
    DateTime? StartedAt);

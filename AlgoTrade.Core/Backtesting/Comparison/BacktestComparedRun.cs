using AlgoTrade.Core.Monitoring;

namespace AlgoTrade.Core.Backtesting.Comparison;

/// <summary>
/// One completed run as the compare page shows it. <see cref="NormalizedEquity"/> is the stored chart equity scaled so
/// the run starts at 100; null for runs stored before result charts existed.
/// </summary>
public sealed record BacktestComparedRun(
    Guid Id,
    DateTime CreatedAt,
    BacktestConfig Config,
    BacktestSummary Summary,
    IReadOnlyList<ChartPoint>? NormalizedEquity);

namespace AlgoTrade.Core.Backtesting.Comparison;

/// <summary>
/// A metric row: one value per run (in run order, null when undefined for that run) and the indexes of the best
/// runs, ties included; empty when the row is neutral, has fewer than two defined values, or all of them are equal.
/// </summary>
public sealed record ComparedMetric(
    string Name,
    MetricDirection Direction,
    MetricFormat Format,
    IReadOnlyList<double?> Values,
    IReadOnlySet<int> Best);

namespace AlgoTrade.Core.Backtesting.Comparison;

/// <summary>
/// What <see cref="BacktestComparisonQueries.CompareAsync"/> answers: the runs with their metric and config rows, or
/// the one message that says why the selection cannot be compared (then nothing else).
/// </summary>
public sealed record BacktestComparison(
    string? Error,
    IReadOnlyList<BacktestComparedRun> Runs,
    IReadOnlyList<ComparedMetric> Metrics,
    IReadOnlyList<ConfigDifference> Config)
{
    public static BacktestComparison Rejected(string error) => new(error, [], [], []);
}

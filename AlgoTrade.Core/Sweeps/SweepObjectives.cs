using AlgoTrade.Core.Backtesting;

namespace AlgoTrade.Core.Sweeps;

/// <summary>Labels of the objectives and how each is read from a backtest summary (definitions in docs/backtesting.md).</summary>
public static class SweepObjectives
{
    public static IReadOnlyList<SweepObjective> All { get; } = Enum.GetValues<SweepObjective>();

    public static string Label(SweepObjective objective) => objective switch
    {
        SweepObjective.Sharpe => "Sharpe ratio",
        SweepObjective.Sortino => "Sortino ratio",
        SweepObjective.Calmar => "Calmar ratio",
        SweepObjective.TotalReturn => "Total return %",
        SweepObjective.ProfitFactor => "Profit factor",
        _ => throw new ArgumentOutOfRangeException(nameof(objective), objective, null),
    };

    /// <summary>The objective's value, or null where the summary leaves the ratio undefined (no losing trade, flat equity).</summary>
    public static double? Value(SweepObjective objective, SweepMetrics metrics) => objective switch
    {
        SweepObjective.Sharpe => metrics.SharpeRatio,
        SweepObjective.Sortino => metrics.SortinoRatio,
        SweepObjective.Calmar => metrics.CalmarRatio,
        SweepObjective.TotalReturn => metrics.TotalReturnPct,
        SweepObjective.ProfitFactor => metrics.ProfitFactor,
        _ => throw new ArgumentOutOfRangeException(nameof(objective), objective, null),
    };

    public static double? Value(SweepObjective objective, BacktestSummary summary) => Value(objective, SweepMetrics.From(summary));
}

namespace AlgoTrade.Core.Backtesting.Comparison;

/// <summary>The metric rows of a comparison, each knowing whether high or low is better.</summary>
public static class ComparedMetrics
{
    private sealed record Definition(string Name, MetricDirection Direction, MetricFormat Format, Func<BacktestSummary, double?> Read);

    private static readonly Definition[] Definitions =
    [
        new("Total return", MetricDirection.HigherIsBetter, MetricFormat.SignedPercent, s => s.TotalReturnPct),
        new("CAGR", MetricDirection.HigherIsBetter, MetricFormat.SignedPercent, s => s.CagrPct),
        new("Max drawdown", MetricDirection.LowerIsBetter, MetricFormat.Percent, s => s.MaxDrawdownPct),
        new("Sharpe ratio", MetricDirection.HigherIsBetter, MetricFormat.Ratio, s => s.SharpeRatio),
        new("Sortino ratio", MetricDirection.HigherIsBetter, MetricFormat.Ratio, s => s.SortinoRatio),
        new("Calmar ratio", MetricDirection.HigherIsBetter, MetricFormat.Ratio, s => s.CalmarRatio),
        new("Profit factor", MetricDirection.HigherIsBetter, MetricFormat.Ratio, s => s.ProfitFactor),
        new("Win rate", MetricDirection.HigherIsBetter, MetricFormat.Percent, s => s.WinRatePct),
        new("Expectancy", MetricDirection.HigherIsBetter, MetricFormat.Money, s => s.Expectancy),
        new("Average trade", MetricDirection.HigherIsBetter, MetricFormat.SignedPercent, s => s.AverageTradePct),
        new("Worst trade", MetricDirection.HigherIsBetter, MetricFormat.SignedPercent, s => s.WorstTradePct),
        new("Final equity", MetricDirection.Neutral, MetricFormat.Money, s => s.FinalEquity),
        new("Trades", MetricDirection.Neutral, MetricFormat.Count, s => s.NumberOfTrades),
        new("Exposure", MetricDirection.Neutral, MetricFormat.Percent, s => s.ExposurePct),
        new("Average duration", MetricDirection.Neutral, MetricFormat.Hours, s => s.AverageTradeDurationHours),
        new("Fees paid", MetricDirection.LowerIsBetter, MetricFormat.Money, s => s.FeesPaid),
        new("Buy and hold", MetricDirection.Neutral, MetricFormat.SignedPercent, s => s.BuyAndHoldReturnPct),
    ];

    public static IReadOnlyList<ComparedMetric> For(IReadOnlyList<BacktestSummary> summaries) =>
        [.. Definitions.Select(d =>
        {
            var values = summaries.Select(d.Read).ToList();
            return new ComparedMetric(d.Name, d.Direction, d.Format, values, Best(values, d.Direction));
        })];

    private static HashSet<int> Best(IReadOnlyList<double?> values, MetricDirection direction)
    {
        var defined = values.Where(v => v.HasValue).Select(v => v!.Value).ToList();
        if (direction == MetricDirection.Neutral || defined.Count < 2 || defined.Distinct().Count() == 1) return [];
        var best = direction == MetricDirection.HigherIsBetter ? defined.Max() : defined.Min();
        return [.. Enumerable.Range(0, values.Count).Where(i => values[i] == best)];
    }
}

namespace AlgoTrade.Core.Backtesting.Comparison;

/// <summary>Which value of a metric is the best one among compared runs; <see cref="Neutral"/> rows highlight nothing.</summary>
public enum MetricDirection
{
    HigherIsBetter,
    LowerIsBetter,
    Neutral,
}

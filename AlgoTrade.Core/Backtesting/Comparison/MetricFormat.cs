namespace AlgoTrade.Core.Backtesting.Comparison;

public enum MetricFormat
{
    SignedPercent,
    Percent,
    Ratio,
    Money,
    Count,
    Hours,
}

namespace AlgoTrade.Core.Backtesting;

/// <summary>
/// Summary metrics; definitions in docs/backtesting.md. Ratios that are undefined for the data (no losing trade,
/// flat equity, fewer than two days) are null rather than infinite. Percentages are in percent (5 = 5 %).
/// </summary>
public sealed record BacktestSummary
{
    public DateTime Start { get; init; }
    public DateTime End { get; init; }
    public int Candles { get; init; }
    public double InitialEquity { get; init; }
    public double FinalEquity { get; init; }
    public double TotalReturnPct { get; init; }
    public double? CagrPct { get; init; }
    public double MaxDrawdownPct { get; init; }
    public double? SharpeRatio { get; init; }
    public double? SortinoRatio { get; init; }
    public double? CalmarRatio { get; init; }
    public double? ProfitFactor { get; init; }
    public double? Expectancy { get; init; }
    public double? WinRatePct { get; init; }
    public int NumberOfTrades { get; init; }
    public int NumberOfFills { get; init; }
    public double? AverageTradePct { get; init; }
    public double? BestTradePct { get; init; }
    public double? WorstTradePct { get; init; }
    public double? AverageTradeDurationHours { get; init; }
    public double ExposurePct { get; init; }
    public double FeesPaid { get; init; }
    public double BuyAndHoldReturnPct { get; init; }
}

namespace AlgoTrade.Core.Backtesting;

/// <summary>What <c>backtest_jobs.results</c> stores (serialize with <see cref="BacktestJson"/>).</summary>
public sealed record BacktestResult(
    BacktestSummary Summary,
    IReadOnlyList<EquityPoint> EquityCurve,
    IReadOnlyList<BacktestTrade> Trades,
    IReadOnlyList<string> Log);

using AlgoTrade.Core.Monitoring;

namespace AlgoTrade.Core.Backtesting.Results;

/// <summary>
/// What the result page draws, computed once when the run completes (<see cref="BacktestChartBuilder"/>) and stored in
/// <c>backtest_jobs.results.charts</c>. Series are bucketed to at most <see cref="BacktestChartBuilder.MaxBars"/>
/// points of <see cref="BucketSeconds"/> each (price: OHLC of the bucket; indicators and equity: the bucket's last
/// value; drawdown: the bucket's deepest); markers keep every fill's exact time and price. Runs stored before
/// charts existed have none.
/// </summary>
public sealed record BacktestCharts(
    long BucketSeconds,
    IReadOnlyList<ChartCandle> Price,
    IReadOnlyList<ChartOverlay> Overlays,
    IReadOnlyList<BacktestMarker> Markers,
    IReadOnlyList<BacktestEquityBar> Equity,
    IReadOnlyList<MonthlyReturn> MonthlyReturns,
    IReadOnlyList<ReturnBin> ReturnHistogram,
    IReadOnlyList<BacktestRoundTrip> Trips);

using System.Text.Json.Serialization;
using AlgoTrade.Core.Backtesting.Results;
using AlgoTrade.Core.Candles;

namespace AlgoTrade.Core.Backtesting;

/// <summary>What <c>backtest_jobs.results</c> stores (serialize with <see cref="BacktestJson"/>).</summary>
public sealed record BacktestResult(
    BacktestSummary Summary,
    IReadOnlyList<EquityPoint> EquityCurve,
    IReadOnlyList<BacktestTrade> Trades,
    IReadOnlyList<string> Log)
{
    /// <summary>What the result page draws (<see cref="BacktestChartBuilder"/>); null for runs stored before it existed and for the CLI.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public BacktestCharts? Charts { get; init; }

    /// <summary>
    /// Candles the run's data lacks in its period (exchange history the exchange has no candles for, holes in a CSV);
    /// null when there were none, and for runs stored before gaps were reported.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public CandleGapReport? DataGaps { get; init; }
}

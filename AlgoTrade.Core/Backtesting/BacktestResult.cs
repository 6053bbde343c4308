using System.Text.Json.Serialization;
using AlgoTrade.Core.Backtesting.Results;

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
}

using System.Diagnostics;
using System.Globalization;
using AlgoTrade.Core.Backtesting;
using AlgoTrade.Core.Market;
using AlgoTrade.Core.Sweeps;
using BenchmarkDotNet.Attributes;

namespace AlgoTrade.Benchmarks;

/// <summary>
/// A 1,000-point grid (ema_cross_rsi fast × slow period × stop-loss) over one year of 1h candles (8,760), evaluated
/// on 2 cores with a 70/30 in-sample/out-of-sample split. Evaluations per second = 1,000 / Mean.
/// </summary>
[MemoryDiagnoser]
public class SweepBenchmark
{
    public const int Points = 1000;
    public const int Cores = 2;
    private SweepPlan _plan = null!;
    private SweepData _data = null!;

    public static Candle[] HourlyYear() =>
        [.. SyntheticCandles.Generate(365 * 24).Select((c, i) => c with { OpenTime = SyntheticCandles.Start.AddHours(i) })];

    public static SweepDefinition Definition() => new()
    {
        BaseConfig = BacktestConfigReader.Read("""
            {"symbol": "BTCUSDT", "timeframe": "1h", "strategy_type": "ema_cross_rsi", "strategy_params": {"rsi_period": 14, "rsi_overbought": 70},
             "initial_capital": 10000, "position_size_perc": 100, "take_profit_perc": 4, "fee_rate": 0.001, "slippage_bps": 1}
            """).Config ?? throw new InvalidOperationException("benchmark config is invalid"),
        Dimensions =
        [
            new() { Target = "strategy_params.ema_fast", Min = 5, Max = 50, Step = 5 },
            new() { Target = "strategy_params.ema_slow", Min = 60, Max = 150, Step = 10 },
            new() { Target = SweepTargets.StopLoss, Min = 1, Max = 10, Step = 1 },
        ],
        Objective = SweepObjective.Sharpe,
    };

    [GlobalSetup]
    public void Setup()
    {
        var definition = Definition();
        _plan = SweepPlanner.Plan(definition, Points).Plan ?? throw new InvalidOperationException("benchmark sweep is invalid");
        _data = SweepData.Prepare(definition, HourlyYear());
    }

    [Benchmark(Description = "sweep: 1,000-point grid, 1 year of 1h candles, 2 cores")]
    public SweepPointResult[] Sweep() => SweepEvaluator.Evaluate(_plan, _data, 0, Points, Cores);

    /// <summary><c>sweep</c> command: the fastest of five timed sweeps, printed as evaluations per second.</summary>
    public static void Quick()
    {
        var benchmark = new SweepBenchmark();
        benchmark.Setup();
        benchmark.Sweep();
        var best = double.MaxValue;
        SweepPointResult[] result = [];
        for (var run = 0; run < 5; run++)
        {
            var watch = Stopwatch.StartNew();
            result = benchmark.Sweep();
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }
        var top = SweepEvaluator.Best(result);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Points:N0} points x {benchmark._data.Candles.Length:N0} candles on {Cores} cores: {best:0.000} s, {Points / best:N0} evaluations/s ({Points * (double)benchmark._data.Candles.Length / best / 1e6:0.0} M candles/s); best point {top?.PointIndex} Sharpe {top?.InSampleScore:0.###}"));
    }
}

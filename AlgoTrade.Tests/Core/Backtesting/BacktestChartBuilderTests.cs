using System.Text.Json;
using AlgoTrade.Core.Backtesting;
using AlgoTrade.Core.Backtesting.Results;
using AlgoTrade.Core.Market;
using AlgoTrade.Core.Trading;

namespace AlgoTrade.Tests.Core.Backtesting;

/// <summary>The result charts computed when a run completes: bucketed series, exact fills, equity replayed from the fills.</summary>
public class BacktestChartBuilderTests
{
    private static readonly DateTime T0 = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    internal static Candle[] Hourly(int count, int seed = 11)
    {
        var random = new Random(seed);
        var candles = new Candle[count];
        var price = 100.0;
        for (var i = 0; i < count; i++)
        {
            var open = price;
            var close = open * (1 + (random.NextDouble() - 0.5) * 0.02);
            candles[i] = new Candle(T0.AddHours(i), open, Math.Max(open, close) * 1.003, Math.Min(open, close) * 0.997, close, 1);
            price = close;
        }
        return candles;
    }

    internal static BacktestConfig Config(string extra = "") => BacktestConfigReader.Read($$"""
        {"symbol":"BTCUSDT","timeframe":"1h","strategy_type":"ema_cross_rsi","strategy_params":{"ema_fast":5,"ema_slow":20},
         "initial_capital":1000,"position_size_perc":50,"stop_loss_perc":1.5,"take_profit_perc":3,
         "trailing_stop_perc":1,"trailing_stop_active":true,"partial_take_profits_config":[{"percentage":1,"ratio":0.5}],
         "max_trade_duration_hours":30{{extra}}}
        """).Config!;

    private static (BacktestResult Result, BacktestCharts Charts) Run(Candle[] candles, BacktestConfig config)
    {
        var result = BacktestChartBuilder.Attach(Backtester.Run(config, candles), config, candles);
        return (result, result.Charts!);
    }

    [Fact]
    public void A_run_of_120k_candles_draws_at_most_2000_bars_with_every_fill_at_its_exact_price()
    {
        var candles = Hourly(120_000);
        var (result, charts) = Run(candles, Config());

        Assert.InRange(charts.Price.Count, 1900, BacktestChartBuilder.MaxBars);
        var bucket = (int)(charts.BucketSeconds / 3600);
        Assert.Equal(60, bucket);
        var first = candles[..bucket];
        Assert.Equal(new AlgoTrade.Core.Monitoring.ChartCandle(new DateTimeOffset(T0).ToUnixTimeSeconds(), first[0].Open,
            first.Max(c => c.High), first.Min(c => c.Low), first[^1].Close), charts.Price[0]);

        Assert.True(result.Trades.Count > 1000, $"only {result.Trades.Count} fills");
        Assert.Equal(result.Trades.Count, charts.Markers.Count);
        Assert.Equal(result.Trades.Select(t => (t.Time, t.Price)), charts.Markers.Select(m => (m.FillTime, m.Price)));
        var barTimes = charts.Price.Select(p => p.Time).ToHashSet();
        Assert.All(charts.Markers, m => Assert.Contains(m.Time, barTimes));

        var strategy = AlgoTrade.Core.Strategies.StrategyRegistry.EmaCrossRsi;
        Assert.Equal(strategy.Plots(strategy.Validate(Config().StrategyParams).Parameters!).Select(p => p.Id), charts.Overlays.Select(o => o.Id));
        Assert.All(charts.Overlays, o => Assert.All(o.Points, p => Assert.Contains(p.Time, barTimes)));
        Assert.All(charts.Overlays, o => Assert.True(o.Points.Count <= charts.Price.Count));

        Assert.Equal(charts.Price.Count, charts.Equity.Count);
        Assert.Equal(result.Summary.FinalEquity, charts.Equity[^1].Equity, 1e-6);
        Assert.Equal(result.Summary.MaxDrawdownPct, charts.Equity.Max(e => e.Drawdown), 1e-6);
        Assert.Equal(1000 * candles[^1].Close / candles[0].Open, charts.Equity[^1].BuyAndHold, 1e-6);

        var compounded = (charts.MonthlyReturns.Aggregate(1.0, (acc, m) => acc * (1 + m.ReturnPct / 100)) - 1) * 100;
        Assert.Equal(result.Summary.TotalReturnPct, compounded, 1e-6);
        Assert.Equal(Enumerable.Range(0, charts.MonthlyReturns.Count).Select(i => T0.AddMonths(i)).Select(d => (d.Year, d.Month)),
            charts.MonthlyReturns.Select(m => (m.Year, m.Month)));

        Assert.Equal(result.Summary.NumberOfTrades, charts.Trips.Count);
        Assert.Equal(result.Summary.FinalEquity - 1000, charts.Trips.Sum(t => t.Pnl), 1e-6);
        Assert.Equal(charts.Trips.Count, charts.ReturnHistogram.Sum(b => b.Count));
        Assert.Equal(charts.Trips.Min(t => t.ReturnPct), charts.ReturnHistogram[0].From, 1e-9);
    }

    [Fact]
    public void Equity_replayed_from_the_fills_matches_the_engine_at_every_candle_close()
    {
        var candles = Hourly(1_500, seed: 5);
        var (result, charts) = Run(candles, Config() with { Risk = Config().Risk with { MaxTradeDurationHours = 2 } });
        Assert.Contains(result.Trades, t => t.Reason == FillReason.MaxDuration);
        Assert.Equal(1, charts.BucketSeconds / 3600);
        Assert.Equal(result.EquityCurve.Count, charts.Equity.Count);
        for (var i = 0; i < charts.Equity.Count; i++)
            Assert.Equal(result.EquityCurve[i].Equity, charts.Equity[i].Equity, 1e-7);
    }

    [Fact]
    public void Each_trade_carries_the_levels_its_exit_rules_fired_at()
    {
        var (result, charts) = Run(Hourly(5_000, seed: 8), Config());
        Assert.All(charts.Trips, t =>
        {
            Assert.Equal(t.EntryPrice * 0.985, t.StopLoss!.Value, 1e-9);
            Assert.Equal(t.EntryPrice * 1.03, t.TakeProfit!.Value, 1e-9);
            Assert.Equal(t.EntryPrice * 1.01, Assert.Single(t.PartialTakeProfits), 1e-9);
            Assert.True(t.ExitTime >= t.EntryTime);
            Assert.Equal((t.ExitTime - t.EntryTime).TotalHours, t.DurationHours, 1e-9);
        });
        // A stop fills at the higher of the two stops (or the open below it): the trade's levels say where that was.
        var stopped = charts.Trips.Where(t => t.ExitReason is "stop_loss" or "trailing_stop").ToList();
        Assert.NotEmpty(stopped);
        Assert.All(stopped, t =>
        {
            var stop = result.Trades.Last(f => f.Time == t.ExitTime && f.Reason.ToName() == t.ExitReason);
            Assert.True(stop.Price <= Math.Max(t.StopLoss!.Value, t.TrailingStop!.Value) * (1 + 1e-9), $"trade {t.Number} stopped at {stop.Price}");
        });
        Assert.Contains(stopped, t => t.ExitReason == "trailing_stop"
            && Math.Abs(result.Trades.Last(f => f.Time == t.ExitTime).Price - t.TrailingStop!.Value) < 1e-9);
        Assert.Contains(charts.Trips, t => t.ExitReason == "take_profit" && t.Fills == 3);
    }

    [Fact]
    public void Charts_are_stored_with_the_result_and_a_result_stored_before_them_still_reads()
    {
        var candles = Hourly(800);
        var (result, charts) = Run(candles, Config());
        var back = JsonSerializer.Deserialize<BacktestResult>(BacktestJson.Serialize(result), BacktestJson.Options)!;
        Assert.Equal(charts.Trips, back.Charts!.Trips, new TripComparer());
        Assert.Equal(charts.Price, back.Charts.Price);

        var old = BacktestJson.Serialize(Backtester.Run(Config(), candles));
        Assert.DoesNotContain("\"charts\"", old, StringComparison.Ordinal);
        Assert.Null(JsonSerializer.Deserialize<BacktestResult>(old, BacktestJson.Options)!.Charts);
    }

    private sealed class TripComparer : IEqualityComparer<BacktestRoundTrip>
    {
        public bool Equals(BacktestRoundTrip? x, BacktestRoundTrip? y) =>
            x is not null && y is not null && x.Number == y.Number && x.Pnl == y.Pnl && x.EntryTime == y.EntryTime
            && x.PartialTakeProfits.SequenceEqual(y.PartialTakeProfits) && x with { PartialTakeProfits = [] } == y with { PartialTakeProfits = [] };
        public int GetHashCode(BacktestRoundTrip obj) => obj.Number;
    }

    [Fact]
    public void A_rules_run_draws_every_indicator_its_conditions_read_once_each()
    {
        var config = BacktestConfigReader.Read("""
            {"symbol":"BTCUSDT","timeframe":"1h","strategy_type":"rules","initial_capital":1000,"position_size_perc":50,
             "strategy_params":{"version":1,
               "entry":{"all":[
                 {"left":{"ind":"ema","period":12},"op":"crosses_above","right":{"ind":"ema","period":26}},
                 {"left":{"ind":"rsi","period":14},"op":"<","right":70},
                 {"left":{"ind":"adx","period":14,"out":"adx"},"op":">","right":20}]},
               "exit":{"left":{"ind":"ema","period":12},"op":"crosses_below","right":{"ind":"ema","period":26}}}}
            """).Config!;

        var (_, charts) = Run(Hourly(5_000), config);

        var labels = charts.Overlays.Select(o => o.Label).ToList();
        Assert.Equal(labels.Distinct().Count(), labels.Count);
        Assert.Contains(labels, l => l.Contains("EMA(12)", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(labels, l => l.Contains("EMA(26)", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(labels, l => l.Contains("RSI(14)", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(labels, l => l.Contains("ADX(14)", StringComparison.OrdinalIgnoreCase));
        Assert.All(charts.Overlays, o => Assert.InRange(o.Points.Count, 1, 2_000));
    }
}

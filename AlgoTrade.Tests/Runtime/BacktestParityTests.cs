using System.Text.Json;
using AlgoTrade.Core.Backtesting;
using AlgoTrade.Core.Domain;
using KlineIntervals = AlgoTrade.Core.Exchanges.KlineIntervals;
using AlgoTrade.Core.Exchanges.Simulated;
using AlgoTrade.Core.Market;
using AlgoTrade.Core.Runtime;
using AlgoTrade.Core.Strategies;
using AlgoTrade.Core.Trading;
using AlgoTrade.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlgoTrade.Tests.Runtime;

/// <summary>
/// The promise of the product: a paper bot on the simulated exchange, run through the real tick path, trades
/// exactly as the backtester predicts on the same candles — same sides, reasons and prices, in the same order.
/// </summary>
public class BacktestParityTests
{
    private static readonly DateTime T0 = new(2026, 2, 2, 9, 0, 0, DateTimeKind.Utc);
    private const int Minutes = 240;

    [Fact]
    public async Task Paper_bot_on_the_simulated_exchange_matches_the_backtester_fill_for_fill()
    {
        var ticks = EverySecondsFor(T0, 60, Minutes);
        var (live, expected, lastClose) = await RunBothAsync(ticks, configure: null);
        AssertSameFills(expected, live, lastClose);
    }

    /// <summary>
    /// ema_slow 1000 needs 1,001 candles before its first signal, more than one kline request returns: the live bot
    /// must page its history and still trade exactly as the backtest warmed on the same candles.
    /// </summary>
    [Fact]
    public async Task Long_period_bot_warms_up_beyond_one_kline_request_and_matches_the_backtester()
    {
        var ticks = EverySecondsFor(new DateTime(2026, 2, 3, 9, 0, 0, DateTimeKind.Utc), 60, 180);
        var (live, expected, lastClose) = await RunBothAsync(ticks, bot =>
            bot.StrategyParams = JsonDocument.Parse("""{"ema_fast": 2, "ema_slow": 1000, "rsi_period": 21, "rsi_overbought": 80}"""));
        AssertSameFills(expected, live, lastClose);
    }

    /// <summary>
    /// Two nodes of a cluster take turns every half hour: each keeps its own warm strategy, catches up on the candles
    /// the other node processed, and warms a new one the first time it runs the bot.
    /// </summary>
    [Fact]
    public async Task Ticks_alternating_between_two_nodes_match_the_backtester()
    {
        var ticks = EverySecondsFor(new DateTime(2026, 2, 3, 9, 0, 0, DateTimeKind.Utc), 60, 180);
        var (live, expected, lastClose) = await RunBothAsync(ticks, bot =>
            bot.StrategyParams = JsonDocument.Parse("""{"ema_fast": 2, "ema_slow": 1000, "rsi_period": 21, "rsi_overbought": 80}"""),
            (h, tick) => tick / 30 % 2 == 0 ? h.Runner : h.SecondNode);
        AssertSameFills(expected, live, lastClose);
    }

    /// <summary>
    /// A bot checking every 25 s sees most candles only in the middle: the order decided at a close goes out at the
    /// first price after it, and stops and take-profits fire at a price seen between closes. The backtester given the
    /// same prices (<see cref="PriceTick"/>s) makes the same fills at the same prices.
    /// </summary>
    [Fact]
    public async Task Ticks_between_candle_closes_match_the_backtester_given_the_same_prices()
    {
        var ticks = EverySecondsFor(T0, 25, Minutes);
        var (live, expected, lastClose) = await RunBothAsync(ticks, configure: null);
        AssertSameFills(expected, live, lastClose);
        AssertSomeFillsBetweenCloses(live, TimeSpan.FromMinutes(1));
    }

    /// <summary>
    /// Non-default everything: 5m candles, MACD with a long slow EMA (a warm-up of 1,240 candles, paged), a fixed position
    /// size, two partial take-profits, a two-hour duration limit, and ticks every 70 s that rarely meet a close.
    /// </summary>
    [Fact]
    public async Task Long_period_non_default_bot_on_5m_candles_with_ticks_between_closes_matches_the_backtester()
    {
        var ticks = EverySecondsFor(new DateTime(2026, 2, 4, 6, 0, 0, DateTimeKind.Utc), 70, 16 * 60);
        var (live, expected, lastClose) = await RunBothAsync(ticks, bot =>
        {
            bot.Timeframe = "5m";
            bot.StrategyType = "macd_cross";
            bot.StrategyParams = JsonDocument.Parse("""{"macd_fast": 9, "macd_slow": 240, "macd_signal": 7}""");
            bot.Risk = bot.Risk with
            {
                PositionSizePerc = null,
                PositionSizeFixed = 3_000m,
                StopLossPerc = 0.8m,
                TrailingStopPerc = 0.5m,
                TakeProfitPerc = 1.5m,
                PartialTakeProfits = [new(0.5m, 0.3m), new(1, 0.3m)],
                MaxTradeDurationHours = 2,
            };
        });
        AssertSameFills(expected, live, lastClose);
        AssertSomeFillsBetweenCloses(live, TimeSpan.FromMinutes(5));
    }

    /// <summary>Ticks every <paramref name="seconds"/> from <paramref name="start"/> through <paramref name="minutes"/> later.</summary>
    private static List<DateTime> EverySecondsFor(DateTime start, int seconds, int minutes) =>
        Enumerable.Range(0, minutes * 60 / seconds + 1).Select(i => start.AddSeconds(i * seconds)).ToList();

    private static void AssertSomeFillsBetweenCloses(List<Trade> live, TimeSpan timeframe)
    {
        var between = live.Where(t => t.Timestamp.Ticks % timeframe.Ticks != 0).ToList();
        Assert.Contains(between, t => t.Side == OrderSide.Buy);
        Assert.Contains(between, t => t.Side == OrderSide.Sell && t.ExitReason != "signal");
    }

    private static async Task<(List<Trade> Live, List<BacktestTrade> Expected, DateTime LastClose)> RunBothAsync(List<DateTime> ticks, Action<BotConfig>? configure,
        Func<RuntimeHarness, int, IBotRunner>? runnerAt = null)
    {
        var start = ticks[0];
        await using var h = await RuntimeHarness.StartAsync(start);
        var (_, botId) = await h.CreateBotAsync(configure);

        // The live bot: a warm-up tick, then one tick at each instant.
        for (var i = 0; i < ticks.Count; i++)
        {
            h.Clock.Set(ticks[i]);
            await (runnerAt?.Invoke(h, i) ?? h.Runner).TickAsync(botId, CancellationToken.None);
        }
        var live = await RuntimeHarness.TradesAsync(botId);

        // The backtester: the same strategy warmed on the same window of candles, then the candles the bot saw close,
        // with the prices the bot saw at its ticks.
        BotConfig bot;
        await using (var db = await TestDatabase.SharedContextAsync())
            bot = await db.BotConfigs.AsNoTracking().SingleAsync(b => b.Id == botId);
        var timeframe = Timeframe.Parse(bot.Timeframe);
        var definition = StrategyRegistry.Get(bot.StrategyType);
        var parameters = definition.Validate(bot.StrategyParams.RootElement).Parameters!;
        var window = RuntimeOptions.WarmUpWindow(new RuntimeOptions().CandleWindow, definition.WarmUpPeriod(parameters));
        var market = h.Services.GetRequiredService<SimulatedMarket>();
        var lastClosed = KlineIntervals.OpenTimeOf(bot.Timeframe, ticks[^1]) - timeframe.Duration;
        var candles = market.GetKlines(bot.Symbol, bot.Timeframe, start - window * timeframe.Duration, lastClosed)
            .Select(k => k.ToCandle())
            .ToArray();
        var prices = ticks.Select(t => new PriceTick(t, (double)market.PriceAt(bot.Symbol, t))).ToArray();
        var strategy = definition.Create(parameters);
        foreach (var warm in candles.AsSpan(0, window)) strategy.OnCandle(in warm);
        var settings = RiskSettings.FromBotConfig(bot, out var errors);
        Assert.Empty(errors);
        var expected = Backtester.Run(strategy, settings, timeframe, candles.AsSpan(window), prices).Trades
            .Where(t => t.Reason != FillReason.EndOfData)
            .ToList();
        return (live, expected, lastClosed + timeframe.Duration);
    }
    private static void AssertSameFills(List<BacktestTrade> expected, List<Trade> live, DateTime lastClose)
    {
        Assert.True(expected.Count >= 6, $"The scenario should trade several times; it made {expected.Count} fills.");
        Assert.Contains(expected, t => t.Reason is FillReason.StopLoss or FillReason.TrailingStop);
        Assert.True(live.Count >= expected.Count, $"Live made {live.Count} fills, the backtest {expected.Count}.");
        for (var i = 0; i < expected.Count; i++)
        {
            var e = expected[i];
            var l = live[i];
            var where = $"fill {i}: backtest {e.Side} {e.Reason.ToName()} @ {e.Price} x {e.Quantity}, live {l.Side} {l.EntryReason ?? l.ExitReason} @ {l.Price} x {l.QuantityFilled}";
            Assert.True(e.Side == OrderSide.Buy ? l.Side == OrderSide.Buy : l.Side == OrderSide.Sell, where);
            Assert.True(e.Reason.ToName() == (l.EntryReason ?? l.ExitReason), where);
            Assert.True(Math.Abs((double)l.Price / e.Price - 1) < 1e-9, where);
            // The exchange rounds quantities down to the symbol's step (0.00001 BTC); the backtest does not.
            Assert.True(Math.Abs((double)l.QuantityFilled - e.Quantity) <= 0.00002, where);
        }
        // Anything live did beyond the backtest happened after the last close, on the candle that had not closed yet.
        Assert.All(live.Skip(expected.Count), l => Assert.True(l.Timestamp >= lastClose, $"extra live fill at {l.Timestamp:O}"));
    }
}

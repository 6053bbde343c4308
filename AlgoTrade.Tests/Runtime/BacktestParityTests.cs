using System.Text.Json;
using AlgoTrade.Core.Backtesting;
using AlgoTrade.Core.Domain;
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
        var (live, expected) = await RunBothAsync(T0, Minutes, configure: null);
        AssertSameFills(expected, live, T0.AddMinutes(Minutes));
    }

    /// <summary>
    /// ema_slow 1000 needs 1,001 candles before its first signal, more than one kline request returns: the live bot
    /// must page its history and still trade exactly as the backtest warmed on the same candles.
    /// </summary>
    [Fact]
    public async Task Long_period_bot_warms_up_beyond_one_kline_request_and_matches_the_backtester()
    {
        var start = new DateTime(2026, 2, 3, 9, 0, 0, DateTimeKind.Utc);
        const int minutes = 180;
        var (live, expected) = await RunBothAsync(start, minutes, bot =>
            bot.StrategyParams = JsonDocument.Parse("""{"ema_fast": 2, "ema_slow": 1000, "rsi_period": 21, "rsi_overbought": 80}"""));
        AssertSameFills(expected, live, start.AddMinutes(minutes));
    }

    /// <summary>
    /// Two nodes of a cluster take turns every half hour: each keeps its own warm strategy, catches up on the candles
    /// the other node processed, and warms a new one the first time it runs the bot.
    /// </summary>
    [Fact]
    public async Task Ticks_alternating_between_two_nodes_match_the_backtester()
    {
        var start = new DateTime(2026, 2, 3, 9, 0, 0, DateTimeKind.Utc);
        const int minutes = 180;
        var (live, expected) = await RunBothAsync(start, minutes, bot =>
            bot.StrategyParams = JsonDocument.Parse("""{"ema_fast": 2, "ema_slow": 1000, "rsi_period": 21, "rsi_overbought": 80}"""),
            (h, minute) => minute / 30 % 2 == 0 ? h.Runner : h.SecondNode);
        AssertSameFills(expected, live, start.AddMinutes(minutes));
    }

    private static async Task<(List<Trade> Live, List<BacktestTrade> Expected)> RunBothAsync(DateTime start, int minutes, Action<BotConfig>? configure,
        Func<RuntimeHarness, int, IBotRunner>? runnerAt = null)
    {
        await using var h = await RuntimeHarness.StartAsync(start);
        var (_, botId) = await h.CreateBotAsync(configure);

        // The live bot: a warm-up tick, then one tick at every candle boundary.
        for (var minute = 0; minute <= minutes; minute++)
        {
            h.Clock.Set(start.AddMinutes(minute));
            await (runnerAt?.Invoke(h, minute) ?? h.Runner).TickAsync(botId, CancellationToken.None);
        }
        var live = await RuntimeHarness.TradesAsync(botId);

        // The backtester: the same strategy warmed on the same window of candles, then the candles the bot saw close.
        BotConfig bot;
        await using (var db = await TestDatabase.SharedContextAsync())
            bot = await db.BotConfigs.AsNoTracking().SingleAsync(b => b.Id == botId);
        var definition = StrategyRegistry.Get(bot.StrategyType);
        var parameters = definition.Validate(bot.StrategyParams.RootElement).Parameters!;
        var window = RuntimeOptions.WarmUpWindow(new RuntimeOptions().CandleWindow, definition.WarmUpPeriod(parameters));
        var market = h.Services.GetRequiredService<SimulatedMarket>();
        var candles = market.GetKlines(bot.Symbol, bot.Timeframe, start.AddMinutes(-window), start.AddMinutes(minutes - 1))
            .Select(k => new Candle(k.OpenTime, (double)k.Open, (double)k.High, (double)k.Low, (double)k.Close, (double)k.Volume))
            .ToArray();
        var strategy = definition.Create(parameters);
        foreach (var warm in candles.AsSpan(0, window)) strategy.OnCandle(in warm);
        var settings = RiskSettings.FromBotConfig(bot, out var errors);
        Assert.Empty(errors);
        var expected = Backtester.Run(strategy, settings, Timeframe.Parse(bot.Timeframe), candles.AsSpan(window)).Trades
            .Where(t => t.Reason != FillReason.EndOfData)
            .ToList();
        return (live, expected);
    }

    private static void AssertSameFills(List<BacktestTrade> expected, List<Trade> live, DateTime lastTick)
    {
        Assert.True(expected.Count >= 6, $"The scenario should trade several times; it made {expected.Count} fills.");
        Assert.Contains(expected, t => t.Reason is FillReason.StopLoss or FillReason.TrailingStop);
        Assert.True(live.Count >= expected.Count, $"Live made {live.Count} fills, the backtest {expected.Count}.");
        for (var i = 0; i < expected.Count; i++)
        {
            var e = expected[i];
            var l = live[i];
            var where = $"fill {i}: backtest {e.Side} {e.Reason.ToName()} @ {e.Price} x {e.Quantity}, live {l.Side} {l.EntryReason ?? l.ExitReason} @ {l.Price} x {l.QuantityFilled}";
            Assert.True(e.Side == OrderSide.Buy ? l.Side == TradeSide.Buy : l.Side == TradeSide.Sell, where);
            Assert.True(e.Reason.ToName() == (l.EntryReason ?? l.ExitReason), where);
            Assert.True(Math.Abs((double)l.Price / e.Price - 1) < 1e-9, where);
            // The exchange rounds quantities down to the symbol's step (0.00001 BTC); the backtest does not.
            Assert.True(Math.Abs((double)l.QuantityFilled - e.Quantity) <= 0.00002, where);
        }
        // Anything live did beyond the backtest happened at the last tick, on the candle that had not closed yet.
        Assert.All(live.Skip(expected.Count), l => Assert.Equal(lastTick, l.Timestamp));
    }
}

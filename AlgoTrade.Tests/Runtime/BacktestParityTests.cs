using AlgoTrade.Core.Backtesting;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Exchanges.Simulated;
using AlgoTrade.Core.Market;
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
        await using var h = await RuntimeHarness.StartAsync(T0);
        var (_, botId) = await h.CreateBotAsync();

        // The live bot: a warm-up tick, then one tick at every candle boundary.
        for (var minute = 0; minute <= Minutes; minute++)
        {
            h.Clock.Set(T0.AddMinutes(minute));
            await h.Runner.TickAsync(botId, CancellationToken.None);
        }
        var live = await RuntimeHarness.TradesAsync(botId);

        // The backtester: the same strategy warmed on the same 500 candles, then the candles the bot saw close.
        BotConfig bot;
        await using (var db = await TestDatabase.SharedContextAsync())
            bot = await db.BotConfigs.AsNoTracking().SingleAsync(b => b.Id == botId);
        var market = h.Services.GetRequiredService<SimulatedMarket>();
        var candles = market.GetKlines(bot.Symbol, bot.Timeframe, T0.AddMinutes(-500), T0.AddMinutes(Minutes - 1))
            .Select(k => new Candle(k.OpenTime, (double)k.Open, (double)k.High, (double)k.Low, (double)k.Close, (double)k.Volume))
            .ToArray();
        var strategy = StrategyRegistry.Create(bot.StrategyType, bot.StrategyParams.RootElement);
        foreach (var warm in candles.AsSpan(0, 500)) strategy.OnCandle(in warm);
        var settings = RiskSettings.FromBotConfig(bot, out var errors);
        Assert.Empty(errors);
        var expected = Backtester.Run(strategy, settings, Timeframe.Parse(bot.Timeframe), candles.AsSpan(500)).Trades
            .Where(t => t.Reason != FillReason.EndOfData)
            .ToList();

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
        Assert.All(live.Skip(expected.Count), l => Assert.Equal(T0.AddMinutes(Minutes), l.Timestamp));
    }
}

using System.Text.Json;
using AlgoTrade.Core.Backtesting;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Exchanges.Simulated;
using AlgoTrade.Core.Market;
using AlgoTrade.Core.Strategies;
using AlgoTrade.Core.Strategies.Rules;
using AlgoTrade.Core.Trading;
using AlgoTrade.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlgoTrade.Tests.Runtime;

/// <summary>
/// BacktestParityTests for the rules strategy: a paper bot whose strategy is a rule document, run through the real
/// tick path on the simulated exchange, trades fill for fill as the backtester predicts on the same candles.
/// </summary>
public class RuleBacktestParityTests
{
    private static readonly DateTime T0 = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);
    private const int Minutes = 240;

    public static TheoryData<string, int> Documents => new()
    {
        // the ema_cross_rsi template with the parameters of BacktestParityTests
        { RuleDocumentWriter.ToJson(RuleTemplates.EmaCrossRsi(3, 8, 5, 90)), 6 },
        // several indicator families, a shift, a not group and a rising look-back
        {
            """
            {"version": 1,
             "entry": {"all": [
               {"any": [{"left": {"ind": "hma", "period": 6}, "op": "crosses_above", "right": {"ind": "wma", "period": 9, "source": "hlc3"}},
                        {"left": {"ind": "stochastic", "k_period": 5, "slowing": 2, "d_period": 2, "out": "k"}, "op": "crosses_above", "right": {"ind": "stochastic", "k_period": 5, "slowing": 2, "d_period": 2, "out": "d"}}]},
               {"left": {"ind": "adx", "period": 5, "out": "plus_di"}, "op": ">", "right": {"ind": "adx", "period": 5, "out": "minus_di", "shift": 1}},
               {"not": {"left": {"ind": "rsi", "period": 5}, "op": ">", "right": 85}}
             ]},
             "exit": {"any": [
               {"left": "close", "op": "<", "right": {"ind": "supertrend", "atr_period": 5, "multiplier": 1.5, "out": "value"}},
               {"left": {"ind": "cci", "period": 8}, "op": "falling", "over": 2}
             ]}}
            """,
            6
        },
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task Paper_bot_with_rules_matches_the_backtester_fill_for_fill(string document, int minimumFills)
    {
        await using var h = await RuntimeHarness.StartAsync(T0);
        var (_, botId) = await h.CreateBotAsync(bot =>
        {
            bot.StrategyType = RuleStrategy.TypeName;
            bot.StrategyParams = JsonDocument.Parse(document);
        });

        for (var minute = 0; minute <= Minutes; minute++)
        {
            h.Clock.Set(T0.AddMinutes(minute));
            await h.Runner.TickAsync(botId, CancellationToken.None);
        }
        var live = await RuntimeHarness.TradesAsync(botId);
        var state = await RuntimeHarness.StateAsync(botId);
        Assert.True(state.Status == BotStatus.Running,
            $"the bot stopped: {state.Status}: {string.Join(" | ", (await RuntimeHarness.LogsAsync(botId)).Select(l => l.Message))}");

        BotConfig bot;
        await using (var db = await TestDatabase.SharedContextAsync())
            bot = await db.BotConfigs.AsNoTracking().SingleAsync(b => b.Id == botId);
        var market = h.Services.GetRequiredService<SimulatedMarket>();
        var candles = market.GetKlines(bot.Symbol, bot.Timeframe, T0.AddMinutes(-500), T0.AddMinutes(Minutes - 1))
            .Select(k => k.ToCandle())
            .ToArray();
        var strategy = StrategyRegistry.Create(bot.StrategyType, bot.StrategyParams.RootElement);
        Assert.IsType<RuleStrategy>(strategy);
        foreach (var warm in candles.AsSpan(0, 500)) strategy.OnCandle(in warm);
        var settings = RiskSettings.FromBotConfig(bot, out var errors);
        Assert.Empty(errors);
        var expected = Backtester.Run(strategy, settings, Timeframe.Parse(bot.Timeframe), candles.AsSpan(500)).Trades
            .Where(t => t.Reason != FillReason.EndOfData)
            .ToList();

        Assert.True(expected.Count >= minimumFills, $"The scenario should trade several times; it made {expected.Count} fills.");
        Assert.Contains(expected, t => t.Reason == FillReason.Signal);
        Assert.True(live.Count >= expected.Count, $"Live made {live.Count} fills, the backtest {expected.Count}.");
        for (var i = 0; i < expected.Count; i++)
        {
            var e = expected[i];
            var l = live[i];
            var where = $"fill {i}: backtest {e.Side} {e.Reason.ToName()} @ {e.Price} x {e.Quantity}, live {l.Side} {l.EntryReason ?? l.ExitReason} @ {l.Price} x {l.QuantityFilled}";
            Assert.True(e.Side == OrderSide.Buy ? l.Side == OrderSide.Buy : l.Side == OrderSide.Sell, where);
            Assert.True(e.Reason.ToName() == (l.EntryReason ?? l.ExitReason), where);
            Assert.True(Math.Abs((double)l.Price / e.Price - 1) < 1e-9, where);
            Assert.True(Math.Abs((double)l.QuantityFilled - e.Quantity) <= 0.00002, where);
        }
        Assert.All(live.Skip(expected.Count), l => Assert.Equal(T0.AddMinutes(Minutes), l.Timestamp));
    }
}

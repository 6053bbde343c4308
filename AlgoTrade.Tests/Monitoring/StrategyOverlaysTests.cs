using AlgoTrade.Core.Exchanges;
using AlgoTrade.Core.Indicators;
using AlgoTrade.Core.Monitoring;
using AlgoTrade.Core.Strategies;
using AlgoTrade.Core.Strategies.Rules;

namespace AlgoTrade.Tests.Monitoring;

/// <summary>The chart's indicator lines come from each strategy's own declaration; for rules, from the document.</summary>
public class StrategyOverlaysTests
{
    private static readonly DateTime Start = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static List<Kline> Klines(int count) => [.. Enumerable.Range(0, count).Select(i =>
    {
        var close = 100m + (decimal)(10 * Math.Sin(i / 7.0) + 3 * Math.Cos(i / 2.3));
        var open = close - 0.5m;
        return new Kline(Start.AddHours(i), Start.AddHours(i + 1).AddTicks(-1), open, close + 1.2m, open - 1.1m, close, 10 + i % 5);
    })];

    /// <summary>The lines an indicator class of the built-in strategies computes, one point per candle once it is ready.</summary>
    private static List<ChartPoint> Reference(IReadOnlyList<Kline> klines, Func<double, double?> step) =>
        [.. klines.Select(k => (Time: new DateTimeOffset(k.OpenTime).ToUnixTimeSeconds(), Value: step((double)k.Close)))
            .Where(p => p.Value is not null).Select(p => new ChartPoint(p.Time, p.Value!.Value))];

    private static void AssertSameLine(IReadOnlyList<ChartPoint> expected, IReadOnlyList<ChartPoint> actual)
    {
        Assert.Equal(expected.Select(p => p.Time), actual.Select(p => p.Time));
        foreach (var (e, a) in expected.Zip(actual)) Assert.Equal(e.Value, a.Value, 9);
    }

    [Fact]
    public void A_built_in_strategy_draws_the_indicators_it_declares_with_the_values_its_own_classes_compute()
    {
        var klines = Klines(200);
        var definition = StrategyRegistry.EmaCrossRsi;
        var parameters = new StrategyParameters(new Dictionary<string, decimal> { ["ema_fast"] = 5, ["ema_slow"] = 21, ["rsi_period"] = 9, ["rsi_overbought"] = 70 });

        var overlays = StrategyOverlays.For(definition, parameters, klines);

        Assert.Equal(["EMA(5)", "EMA(21)", "RSI(9)"], overlays.Select(o => o.Label));
        Assert.Equal([0, 0, 1], overlays.Select(o => o.Pane));
        var fast = new Ema(5);
        AssertSameLine(Reference(klines, x => fast.Update(x) ? fast.Value : null), overlays[0].Points);
        var rsi = new Rsi(9);
        AssertSameLine(Reference(klines, x => rsi.Update(x) ? rsi.Value : null), overlays[2].Points);
        Assert.Equal(3, overlays.Select(o => o.Color).Distinct().Count());
    }

    [Fact]
    public void Rules_draw_each_indicator_output_they_read_once_price_lines_over_the_candles_others_in_panes_of_their_own()
    {
        var ema = new IndicatorOperand("ema", new Dictionary<string, decimal> { ["period"] = 8 }, "value");
        var rsi = new IndicatorOperand("rsi", new Dictionary<string, decimal> { ["period"] = 14 }, "value");
        var adx = new Dictionary<string, decimal> { ["period"] = 10 };
        var document = new RuleDocument(RuleDocument.CurrentVersion,
            new RuleGroup(RuleGroupKind.All,
            [
                new RuleComparison(new PriceOperand(PriceField.Close), RuleOperator.CrossesAbove, ema),
                new RuleComparison(rsi, RuleOperator.LessThan, new NumberOperand(70)),
                new RuleComparison(new IndicatorOperand("adx", adx, "plus_di"), RuleOperator.GreaterThan, new IndicatorOperand("adx", adx, "minus_di")),
            ]),
            // The same EMA read a candle back draws no second line.
            new RuleComparison(new PriceOperand(PriceField.Close), RuleOperator.LessThan, ema with { Shift = 1 }));
        var klines = Klines(150);

        var overlays = StrategyOverlays.For(StrategyRegistry.Rules, new StrategyParameters(document), klines);

        Assert.Equal(["EMA(8)", "RSI(14)", "+DI(10)", "−DI(10)"], overlays.Select(o => o.Label));
        Assert.Equal([0, 1, 2, 2], overlays.Select(o => o.Pane));
        Assert.Equal(overlays.Count, overlays.Select(o => o.Id).Distinct().Count());
        var reference = new Ema(8);
        AssertSameLine(Reference(klines, x => reference.Update(x) ? reference.Value : null), overlays[0].Points);
        Assert.All(overlays[2].Points, p => Assert.InRange(p.Value, 0, 100));
        Assert.NotEmpty(overlays[3].Points);
    }
}

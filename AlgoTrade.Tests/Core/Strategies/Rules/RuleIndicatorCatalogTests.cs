using AlgoTrade.Core.Indicators;
using AlgoTrade.Core.Market;
using AlgoTrade.Core.Strategies;
using AlgoTrade.Core.Strategies.Rules;

namespace AlgoTrade.Tests.Core.Strategies.Rules;

public class RuleIndicatorCatalogTests
{
    private static readonly Candle[] Candles = Generate(3000);

    private static Candle[] Generate(int count)
    {
        var random = new Random(11);
        var candles = new Candle[count];
        var close = 100.0;
        for (var i = 0; i < count; i++)
        {
            var open = close;
            close = open * (1 + 0.01 * (random.NextDouble() - 0.5));
            var high = Math.Max(open, close) * (1 + 0.004 * random.NextDouble());
            var low = Math.Min(open, close) * (1 - 0.004 * random.NextDouble());
            candles[i] = new Candle(new DateTime(2024, 1, 1).AddMinutes(i), open, high, low, close, 10 + 90 * random.NextDouble());
        }
        return candles;
    }

    [Fact]
    public void Offers_every_indicator_the_issue_lists()
    {
        Assert.Equal(
            ["sma", "ema", "wma", "hma", "vwap", "bollinger", "donchian", "keltner", "supertrend", "rsi", "macd", "stochastic", "stoch_rsi", "adx", "williams_r", "cci", "roc", "momentum", "atr", "obv"],
            RuleIndicators.All.Select(i => i.Name));
        foreach (var indicator in RuleIndicators.All)
        {
            Assert.False(string.IsNullOrWhiteSpace(indicator.Title + indicator.Description));
            Assert.All(indicator.Parameters, p => Assert.Empty(p.Check(p.Default)));
            Assert.Equal(indicator.Outputs.Count, indicator.Outputs.Select(o => o.Name).Distinct().Count());
        }
    }

    public static TheoryData<string> Names => [.. RuleIndicators.All.Select(i => i.Name)];

    /// <summary>The compiler's warm-up relies on every output having a value from exactly WarmUpPeriod candles on.</summary>
    [Theory]
    [MemberData(nameof(Names))]
    public void Every_output_has_a_value_from_the_warm_up_on_for_default_minimum_and_other_parameters(string name)
    {
        var indicator = RuleIndicators.Get(name);
        var random = new Random(name.Length);
        var sets = new List<Dictionary<string, decimal>>
        {
            indicator.Defaults.ToDictionary(),
            indicator.Parameters.ToDictionary(p => p.Name, p => p.Min),
        };
        for (var n = 0; n < 4; n++)
            sets.Add(indicator.Parameters.ToDictionary(p => p.Name, p => p.Kind == ParameterKind.Integer
                ? random.Next((int)p.Min, (int)Math.Min(p.Max, 60) + 1)
                : Math.Round(p.Min + (decimal)random.NextDouble() * (Math.Min(p.Max, 5) - p.Min), 2)));
        foreach (var parameters in sets.Where(p => indicator.Rules.All(r => r.IsSatisfied(new StrategyParameters(p)))))
        {
            var feed = indicator.Create(parameters, PriceField.Close);
            var firstDefined = -1;
            for (var i = 0; i < Candles.Length; i++)
            {
                feed.Update(in Candles[i]);
                var defined = Enumerable.Range(0, indicator.Outputs.Count).All(o => double.IsFinite(feed.Output(o)));
                if (defined && firstDefined < 0) firstDefined = i;
                if (firstDefined >= 0)
                    Assert.True(defined, $"{name} {string.Join(",", parameters.Values)}: undefined again at candle {i}");
            }
            Assert.True(feed.WarmUpPeriod - 1 == firstDefined,
                $"{indicator.Describe(parameters, PriceField.Close, indicator.Outputs[0].Name)}: warm-up {feed.WarmUpPeriod}, first value at candle {firstDefined + 1}");
        }
    }

    [Fact]
    public void Outputs_read_the_indicator_values_they_are_named_after()
    {
        Compare("macd", [], c => new Macd(12, 26, 9), (m, c) => { m.Update(c.Close); return [m.Line, m.Signal, m.Histogram]; });
        Compare("bollinger", [], c => new BollingerBands(20, 2), (b, c) => { b.Update(c.Close); return [b.Upper, b.Middle, b.Lower, (b.Upper - b.Lower) / b.Middle, (c.Close - b.Lower) / (b.Upper - b.Lower)]; });
        Compare("adx", [], c => new Adx(14), (a, c) => { a.Update(c.High, c.Low, c.Close); return [a.Value, a.PlusDi, a.MinusDi]; });
        Compare("stochastic", [], c => new Stochastic(14, 3, 3), (s, c) => { s.Update(c.High, c.Low, c.Close); return [s.K, s.D]; });
        Compare("stoch_rsi", [], c => new StochasticRsi(14, 14, 3, 3), (s, c) => { s.Update(c.Close); return [s.K, s.D]; });
        Compare("donchian", [], c => new DonchianChannel(20), (d, c) => { d.Update(c.High, c.Low); return [d.Upper, d.Middle, d.Lower]; });
        Compare("keltner", [], c => new KeltnerChannel(20, 10, 2), (k, c) => { k.Update(c.High, c.Low, c.Close); return [k.Upper, k.Middle, k.Lower]; });
        Compare("supertrend", [], c => new Supertrend(10, 3), (s, c) => { s.Update(c.High, c.Low, c.Close); return [s.Value, s.IsReady ? s.Direction : double.NaN]; });
        Compare("vwap", [], c => new Vwap(20), (v, c) => { v.Update(c.High, c.Low, c.Close, c.Volume); return [v.Value]; });
        Compare("obv", [], c => new Obv(), (o, c) => { o.Update(c.Close, c.Volume); return [o.Value]; });
        Compare("williams_r", [], c => new WilliamsR(14), (w, c) => { w.Update(c.High, c.Low, c.Close); return [w.Value]; });
        Compare("cci", [], c => new Cci(20), (x, c) => { x.Update(c.High, c.Low, c.Close); return [x.Value]; });
        Compare("hma", [], c => new Hma(20), (h, c) => { h.Update(c.Close); return [h.Value]; });
        Compare("wma", [], c => new Wma(20), (w, c) => { w.Update(c.Close); return [w.Value]; });
        Compare("roc", [], c => new Roc(10), (r, c) => { r.Update(c.Close); return [r.Value]; });
        Compare("momentum", [], c => new Momentum(10), (m, c) => { m.Update(c.Close); return [m.Value]; });
        Compare("atr", [], c => new Atr(14), (a, c) => { a.Update(c.High, c.Low, c.Close); return [a.Value]; });
        Compare("rsi", [("source", PriceField.Hl2)], c => new Rsi(14), (r, c) => { r.Update((c.High + c.Low) / 2); return [r.Value]; });
        Compare("ema", [("source", PriceField.Volume)], c => new Ema(20), (e, c) => { e.Update(c.Volume); return [e.Value]; });
        Compare("sma", [("source", PriceField.Ohlc4)], c => new Sma(20), (s, c) => { s.Update((c.Open + c.High + c.Low + c.Close) / 4); return [s.Value]; });
    }

    private static void Compare<T>(string name, (string, PriceField)[] source, Func<Candle, T> create, Func<T, Candle, double[]> step)
    {
        var indicator = RuleIndicators.Get(name);
        var field = source.Length == 0 ? PriceField.Close : source[0].Item2;
        var feed = indicator.Create(indicator.Defaults, field);
        var direct = create(Candles[0]);
        for (var i = 0; i < 500; i++)
        {
            feed.Update(in Candles[i]);
            var expected = step(direct, Candles[i]);
            for (var o = 0; o < expected.Length; o++)
                Assert.True(expected[o].Equals(feed.Output(o)), $"{name}.{indicator.Outputs[o].Name} at candle {i}: {expected[o]} vs {feed.Output(o)}");
        }
    }
}

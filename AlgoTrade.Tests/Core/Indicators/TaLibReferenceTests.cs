using static AlgoTrade.Tests.Core.Indicators.IndicatorHarness;

namespace AlgoTrade.Tests.Core.Indicators;

/// <summary>
/// Our streaming indicators against a committed TA-Lib 0.6 run (TaLib/README.md): same first value (TA-Lib's
/// lookback), every value within 1e-9 relative (1e-9 absolute below 1).
/// </summary>
public class TaLibReferenceTests
{
    private static readonly TaLibReference TaLib = TaLibReference.Instance;

    [Theory]
    [InlineData(14, 3, 3)]
    [InlineData(5, 1, 3)]
    public void Stochastic_matches_ta_lib_stoch(int k, int slowing, int d) =>
        AssertMatches(Probes.Stochastic(k, slowing, d), TaLib.Bars, 1, TaLib[$"stoch_{k}_{slowing}_{d}_k"], TaLib[$"stoch_{k}_{slowing}_{d}_d"]);

    [Theory]
    [InlineData(14)]
    [InlineData(5)]
    public void Adx_and_directional_indicators_match_ta_lib(int period) =>
        AssertMatches(Probes.Adx(period), TaLib.Bars, 1, TaLib[$"adx_{period}"], TaLib[$"plus_di_{period}"], TaLib[$"minus_di_{period}"]);

    [Fact]
    public void The_directional_indicators_start_where_ta_lib_plus_di_starts()
    {
        var adx = new AlgoTrade.Core.Indicators.Adx(14);
        var plus = TaLib["plus_di_14"];
        var minus = TaLib["minus_di_14"];
        for (var t = 0; t < TaLib.Bars.Length; t++)
        {
            var b = TaLib.Bars[t];
            adx.Update(b.H, b.L, b.C);
            Assert.Equal(plus[t].HasValue, !double.IsNaN(adx.PlusDi));
            if (plus[t] is { } p) Assert.Equal((double)p, adx.PlusDi, 1e-9);
            if (minus[t] is { } m) Assert.Equal((double)m, adx.MinusDi, 1e-9);
        }
    }

    [Fact]
    public void Williams_r_matches_ta_lib_willr() => AssertMatches(Probes.WilliamsR(14), TaLib.Bars, 1, TaLib["willr_14"]);

    [Theory]
    [InlineData(20)]
    [InlineData(5)]
    public void Cci_matches_ta_lib_cci(int period) => AssertMatches(Probes.Cci(period), TaLib.Bars, 1, TaLib[$"cci_{period}"]);

    [Fact]
    public void Roc_and_momentum_match_ta_lib()
    {
        AssertMatches(Probes.Roc(10), TaLib.Bars, 1, TaLib["roc_10"]);
        AssertMatches(Probes.Momentum(10), TaLib.Bars, 1, TaLib["mom_10"]);
    }

    [Fact]
    public void Obv_matches_ta_lib_obv() => AssertMatches(Probes.Obv(), TaLib.Bars, 1, TaLib["obv"]);

    [Theory]
    [InlineData(10)]
    [InlineData(30)]
    public void Wma_matches_ta_lib_wma(int period) => AssertMatches(Probes.Wma(period), TaLib.Bars, 1, TaLib[$"wma_{period}"]);

    [Fact]
    public void Hma_matches_the_hull_formula_over_ta_lib_wma() => AssertMatches(Probes.Hma(16), TaLib.Bars, 1, TaLib["hma_16"]);

    [Fact]
    public void Keltner_bands_are_ta_lib_ema_plus_minus_twice_ta_lib_atr()
    {
        var ema = TaLib["ema_20"];
        var atr = TaLib["atr_10"];
        var middle = ema.Select((e, t) => atr[t].HasValue ? e : null).ToArray();
        AssertMatches(Probes.Keltner(20, 10, 2), TaLib.Bars, 1,
            middle.Select((m, t) => m + 2 * atr[t]).ToArray(), middle, middle.Select((m, t) => m - 2 * atr[t]).ToArray());
    }

    [Theory]
    [InlineData(14, 14, 3)]
    [InlineData(14, 5, 3)]
    public void Stochastic_rsi_with_smoothing_1_matches_ta_lib_stochrsi_outside_flat_markets(int rsiPeriod, int stochPeriod, int dPeriod)
    {
        var expectedK = TaLib[$"stochrsi_{rsiPeriod}_{stochPeriod}_{dPeriod}_k"];
        var expectedD = TaLib[$"stochrsi_{rsiPeriod}_{stochPeriod}_{dPeriod}_d"];
        var rsi = TaLib[$"rsi_{rsiPeriod}"];
        bool Flat(int t) => t >= stochPeriod - 1 && Enumerable.Range(t - stochPeriod + 1, stochPeriod).All(i => rsi[i].HasValue)
            && Enumerable.Range(t - stochPeriod + 1, stochPeriod).Max(i => rsi[i]!.Value)
               - Enumerable.Range(t - stochPeriod + 1, stochPeriod).Min(i => rsi[i]!.Value) <= 1e-10m;
        var run = Run(Probes.StochasticRsi(rsiPeriod, stochPeriod, 1, dPeriod), TaLib.Bars);
        var compared = 0;
        var noisy = 0;
        for (var t = 0; t < TaLib.Bars.Length; t++)
        {
            Assert.Equal(expectedD[t].HasValue, run[1][t].HasValue);
            if (!run[1][t].HasValue) continue;
            if (Flat(t))
            {
                // TA-Lib divides the RSI's last-digit wobble by itself; we read the flat RSI as zero range
                Assert.Equal(0, run[0][t]!.Value);
                if (expectedK[t] != 0) noisy++;
                continue;
            }
            Assert.Equal((double)expectedK[t]!.Value, run[0][t]!.Value, 1e-9 * Math.Max(1, Math.Abs((double)expectedK[t]!.Value)));
            if (!Enumerable.Range(t - dPeriod + 1, dPeriod).Any(Flat))
                Assert.Equal((double)expectedD[t]!.Value, run[1][t]!.Value, 1e-9 * Math.Max(1, Math.Abs((double)expectedD[t]!.Value)));
            compared++;
        }
        Assert.True(compared > 400, $"only {compared} candles compared");
        Assert.True(noisy > 0, "the flat stretches should show TA-Lib's noise");
    }
}

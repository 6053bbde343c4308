using AlgoTrade.Core.Indicators;
using static AlgoTrade.Tests.Core.Indicators.IndicatorHarness;

namespace AlgoTrade.Tests.Core.Indicators;

public class RangeOscillatorTests
{
    // high, low, close; the same candles as the ATR test, with a gap down and a gap up
    private static readonly Bar[] Candles = Hlc((10, 8, 9), (11, 9, 10), (12, 10, 11.5m), (11, 9, 10), (8, 7, 7.5m), (12, 11, 11.5m));

    [Fact]
    public void Williams_r_places_the_close_in_the_range_from_0_to_minus_100()
    {
        // windows of 3: HH 12 LL 8 → −100·0.5/4; HH 12 LL 9 → −100·2/3; HH 12 LL 7 → −100·4.5/5; −100·0.5/5
        AssertSequence([null, null, -12.5, -200.0 / 3, -90, -10], Values(Probes.WilliamsR(3), Candles));
        Assert.Equal(3, new WilliamsR(3).WarmUpPeriod);
    }

    [Fact]
    public void Stochastic_smooths_raw_k_into_k_then_d()
    {
        // raw %K over 3: 100·3.5/4 = 87.5, 100·1/3, 100·0.5/5 = 10, 100·4.5/5 = 90
        // K = SMA(2): (87.5 + 100/3)/2 = 725/12, 65/3, 50; D = SMA(2) of K: 985/24, 215/6
        var probe = Probes.Stochastic(3, 2, 2);
        var run = Run(probe, Candles);
        AssertSequence([null, null, null, null, 65.0 / 3, 50], run[0]);
        AssertSequence([null, null, null, null, 985.0 / 24, 215.0 / 6], run[1]);
        Assert.Equal(5, probe.Indicator.WarmUpPeriod);
    }

    [Fact]
    public void Stochastic_with_slowing_1_is_the_fast_stochastic()
    {
        var run = Run(Probes.Stochastic(3, 1, 2), Candles);
        AssertSequence([null, null, null, 100.0 / 3, 10, 90], run[0]);
        AssertSequence([null, null, null, (87.5 + 100.0 / 3) / 2, (100.0 / 3 + 10) / 2, 50], run[1]);
    }

    [Fact]
    public void Stochastic_rsi_is_the_stochastic_of_the_rsi()
    {
        // RSI(2) of 10 11 10.5 12 11 13 12.5: 200/3, 800/9, 800/17, 4000/49, 800/13 from index 2
        // raw %K over 3 RSI values: 0 (800/17 is the lowest), 100·(4000/49 − 800/17)/(800/9 − 800/17) = 4050/49,
        // 100·(800/13 − 800/17)/(4000/49 − 800/17) = 4900/117; K = raw (smoothing 1); D = SMA(2): 2025/49, …
        var probe = Probes.StochasticRsi(2, 3, 1, 2);
        var run = Run(probe, Closes(10, 11, 10.5m, 12, 11, 13, 12.5m));
        AssertSequence([null, null, null, null, null, 4050.0 / 49, 4900.0 / 117], run[0]);
        AssertSequence([null, null, null, null, null, 2025.0 / 49, (4050.0 / 49 + 4900.0 / 117) / 2], run[1]);
        Assert.Equal(6, probe.Indicator.WarmUpPeriod);
        Assert.Equal(14 + 1 + 13 + 2 + 2, new StochasticRsi(14, 14, 3, 3).WarmUpPeriod);
    }

    [Fact]
    public void Cci_measures_the_typical_price_against_its_mean_deviation()
    {
        // typical prices 9, 10, 67/6, 10, 7.5, 11.5; window of 3 at index 2: mean 181/18, md 20/27 →
        // (20/18)/(0.015·20/27) = 100; then −50, −100, and (11/6)/(0.015·13/9) = 1100/13
        AssertSequence([null, null, 100, -50, -100, 1100.0 / 13], Values(Probes.Cci(3), Candles), 1e-11);
        Assert.Equal(3, new Cci(3).WarmUpPeriod);
    }

    [Fact]
    public void A_flat_market_reads_zero_not_a_division_by_zero()
    {
        var flat = IndicatorSeries.Flat(40, 0.1m);
        Assert.All(Values(Probes.WilliamsR(5), flat).Skip(4), v => Assert.Equal(0, v));
        var stochastic = Run(Probes.Stochastic(5, 3, 3), flat);
        Assert.All(stochastic[0].Skip(8).Concat(stochastic[1].Skip(8)), v => Assert.Equal(0, v!.Value, 1e-12));
        var stochRsi = Run(Probes.StochasticRsi(5, 5, 3, 3), flat);
        Assert.All(stochRsi[1].Skip(14), v => Assert.Equal(0, v!.Value, 1e-12));
        // 0.1 is not exact in binary: the double mean of five 0.1s is off by an ulp, TA-Lib would give ±66.7
        Assert.All(Values(Probes.Cci(5), flat).Skip(4), v => Assert.Equal(0, v));
    }

    [Fact]
    public void Stochastic_rsi_is_zero_not_noise_when_prices_stop_after_moving()
    {
        // Once prices stop, the RSI is constant in exact arithmetic but wobbles in its last digits in floating
        // point; TA-Lib turns the wobble into %K values anywhere between 0 and 100 (see TaLibReferenceTests).
        var bars = IndicatorSeries.Mixed();
        var run = Run(Probes.StochasticRsi(14, 14, 1, 3), bars);
        for (var t = 300 + 14 + 14 + 3; t < 360; t++)
        {
            Assert.Equal(0, run[0][t]!.Value);
            Assert.Equal(0, run[1][t]!.Value, 1e-9);
        }
    }

    [Theory]
    [InlineData(2, 0)]
    [InlineData(14, 0)]
    [InlineData(14, 16)]
    [InlineData(100, 0)]
    public void Williams_r_matches_the_reference_over_a_long_series(int period, int scaleShift)
    {
        var bars = IndicatorSeries.Mixed(scaleShift: scaleShift);
        AssertMatches(Probes.WilliamsR(period), bars, 1, ReferenceIndicators.WilliamsR(bars.Highs(), bars.Lows(), bars.Closes(), period));
    }

    [Theory]
    [InlineData(14, 3, 3, 0)]
    [InlineData(5, 1, 3, 0)]
    [InlineData(1, 1, 1, 0)]
    [InlineData(21, 5, 4, 16)]
    public void Stochastic_matches_the_reference_over_a_long_series(int k, int slowing, int d, int scaleShift)
    {
        var bars = IndicatorSeries.Mixed(scaleShift: scaleShift);
        var (refK, refD) = ReferenceIndicators.Stochastic(bars.Highs(), bars.Lows(), bars.Closes(), k, slowing, d);
        AssertMatches(Probes.Stochastic(k, slowing, d), bars, 1, refK, refD);
    }

    [Theory]
    [InlineData(14, 14, 3, 3, 0)]
    [InlineData(14, 5, 1, 3, 0)]
    [InlineData(3, 2, 1, 1, 0)]
    [InlineData(9, 20, 2, 5, 16)]
    // not RSI(2): see Adx_matches_the_reference_over_a_long_series on why decimal cannot follow period 2 that long
    public void Stochastic_rsi_matches_the_reference_over_a_long_series(int rsi, int stoch, int smoothing, int d, int scaleShift)
    {
        var bars = IndicatorSeries.Mixed(scaleShift: scaleShift);
        var (refK, refD) = ReferenceIndicators.StochasticRsi(bars.Closes(), rsi, stoch, smoothing, d);
        AssertMatches(Probes.StochasticRsi(rsi, stoch, smoothing, d), bars, 1, refK, refD);
    }

    [Theory]
    [InlineData(2, 0)]
    [InlineData(20, 0)]
    [InlineData(20, 16)]
    [InlineData(100, 0)]
    public void Cci_matches_the_reference_over_a_long_series(int period, int scaleShift)
    {
        var bars = IndicatorSeries.Mixed(scaleShift: scaleShift);
        AssertMatches(Probes.Cci(period), bars, 1, ReferenceIndicators.Cci(bars.Highs(), bars.Lows(), bars.Closes(), period));
    }

    [Fact]
    public void Parameters_below_the_minimum_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new WilliamsR(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Cci(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Stochastic(0, 3, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Stochastic(14, 0, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => new StochasticRsi(14, 14, 3, 0));
    }
}

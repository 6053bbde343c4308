using AlgoTrade.Core.Indicators;
using static AlgoTrade.Tests.Core.Indicators.IndicatorHarness;

namespace AlgoTrade.Tests.Core.Indicators;

public class AdxTests
{
    private static readonly Bar[] Candles = Hlc((10, 8, 9), (11, 9, 10), (12, 10, 11.5m), (11, 9, 10), (8, 7, 7.5m), (12, 11, 11.5m));

    [Fact]
    public void Adx_follows_ta_lib_seeding_and_wilder_smoothing()
    {
        // N = 2. +DM 1, 1, 0, 0, 4; −DM 0, 0, 1, 2, 0; TR 2, 2, 2.5, 3, 4.5 (candles 2…6).
        // Seed: sums over candle 2 only (+DM 1, TR 2); then s − s/2 + x:
        //   candle 3: +DM 1.5, −DM 0, TR 3 → +DI 50, −DI 0, DX 100
        //   candle 4: +DM 0.75, −DM 1, TR 4 → +DI 18.75, −DI 25, DX 100·6.25/43.75 = 100/7
        //   first ADX = (100 + 100/7)/2 = 400/7
        //   candle 5: +DM 0.375, −DM 2.5, TR 5 → +DI 7.5, −DI 50, DX 1700/23 → ADX (400/7 + 1700/23)/2 = 10550/161
        //   candle 6: +DM 4.1875, −DM 1.25, TR 7 → +DI 1675/28, −DI 125/7, DX 4700/87 → ADX 837275/14007
        var probe = Probes.Adx(2);
        var run = Run(probe, Candles);
        AssertSequence([null, null, null, 400.0 / 7, 10550.0 / 161, 837275.0 / 14007], run[0]);
        AssertSequence([null, null, null, 18.75, 7.5, 1675.0 / 28], run[1]);
        AssertSequence([null, null, null, 25, 50, 125.0 / 7], run[2]);
        Assert.Equal(4, probe.Indicator.WarmUpPeriod);
        Assert.Equal(28, new Adx(14).WarmUpPeriod);
    }

    [Fact]
    public void The_directional_indicators_have_values_from_candle_n_plus_1()
    {
        var adx = new Adx(2);
        adx.Update(10, 8, 9);
        adx.Update(11, 9, 10);
        Assert.True(double.IsNaN(adx.PlusDi));
        Assert.False(adx.Update(12, 10, 11.5));
        Assert.Equal(50, adx.PlusDi, 1e-12);
        Assert.Equal(0, adx.MinusDi);
        Assert.True(double.IsNaN(adx.Value));
        Assert.False(adx.IsReady);
    }

    [Fact]
    public void A_flat_market_has_zero_directional_indicators_and_zero_adx()
    {
        var run = Run(Probes.Adx(3), IndicatorSeries.Flat(12));
        Assert.All(run.SelectMany(output => output.Skip(5)), v => Assert.Equal(0, v));
    }

    [Fact]
    public void Candles_without_directional_movement_count_as_zero_dx_in_the_seed()
    {
        // Identical candles with a range: no +DM or −DM, TR 2, so ±DI are 0 and DX is undefined (0/0). TA-Lib's
        // first ADX averages N DX values with the undefined ones as 0: (0 + 0)/2 at candle 4. Candle 5 rises by 1:
        // +DM 1, −DM 0, TR sum 2 → 3 → 3.5 → 3.75 → +DI 100/3.75, DX 100 → ADX (0·1 + 100)/2 = 50.
        var run = Run(Probes.Adx(2), Hlc((11, 9, 10), (11, 9, 10), (11, 9, 10), (11, 9, 10), (12, 10, 11)));
        AssertSequence([null, null, null, 0, 50], run[0]);
        AssertSequence([null, null, null, 0, 100 / 3.75], run[1]);
        AssertSequence([null, null, null, 0, 0], run[2]);
    }

    [Fact]
    public void Tiny_prices_give_the_same_readings_as_large_ones()
    {
        // No absolute epsilon: scaling every price by 2^-60 (exact in binary, prices around 1e-16) changes no
        // output by a single bit.
        var bars = IndicatorSeries.Mixed(600);
        var scale = Math.ScaleB(1, -60);
        var adx = new Adx(14);
        var tiny = new Probe(adx, b => adx.Update(b.H * scale, b.L * scale, b.C * scale),
            ("adx", () => adx.Value), ("plus_di", () => adx.PlusDi), ("minus_di", () => adx.MinusDi));
        var large = Run(Probes.Adx(14), bars);
        var small = Run(tiny, bars);
        for (var k = 0; k < 3; k++) Assert.Equal(large[k], small[k]);
    }

    [Theory]
    [InlineData(3, 0)]
    [InlineData(5, 0)]
    [InlineData(14, 0)]
    [InlineData(14, 16)]
    [InlineData(50, 0)]
    // Period 2 halves the sums on every flat candle; after 60 of them decimal, with at most 28 decimal places,
    // keeps too few digits to be a reference (double, whose exponent floats, halves exactly). The hand-computed
    // test covers period 2.
    public void Adx_matches_the_reference_over_a_long_series(int period, int scaleShift)
    {
        var bars = IndicatorSeries.Mixed(scaleShift: scaleShift);
        var (adx, plus, minus) = ReferenceIndicators.Adx(bars.Highs(), bars.Lows(), bars.Closes(), period);
        AssertMatches(Probes.Adx(period), bars, 1, adx, plus, minus);
    }

    [Fact]
    public void Periods_below_two_are_rejected() => Assert.Throws<ArgumentOutOfRangeException>(() => new Adx(1));
}

using AlgoTrade.Core.Indicators;
using static AlgoTrade.Tests.Core.Indicators.IndicatorHarness;

namespace AlgoTrade.Tests.Core.Indicators;

public class ChannelTests
{
    // TR 2, 2, 2.5, 3, 4.5 → ATR(2): 2 at index 2, then 2.25, 2.625, 3.5625
    private static readonly Bar[] Candles = Hlc((10, 8, 9), (11, 9, 10), (12, 10, 11.5m), (11, 9, 10), (8, 7, 7.5m), (12, 11, 11.5m));

    [Fact]
    public void Donchian_channel_spans_the_highest_high_and_lowest_low_including_the_current_candle()
    {
        var run = Run(Probes.Donchian(3), Candles);
        AssertSequence([null, null, 12, 12, 12, 12], run[0]);
        AssertSequence([null, null, 10, 10.5, 9.5, 9.5], run[1]);
        AssertSequence([null, null, 8, 9, 7, 7], run[2]);
        Assert.Equal(3, new DonchianChannel(3).WarmUpPeriod);
    }

    [Fact]
    public void Keltner_channel_is_the_ema_plus_minus_a_multiple_of_the_atr()
    {
        // EMA(2) of closes: 9.5, 65/6, 185/18, 455/54, 1697/162; ATR(2): 2, 2.25, 2.625, 3.5625 from index 2
        var run = Run(Probes.Keltner(2, 2, 2), Candles);
        AssertSequence([null, null, 65.0 / 6 + 4, 185.0 / 18 + 4.5, 455.0 / 54 + 5.25, 1697.0 / 162 + 7.125], run[0]);
        AssertSequence([null, null, 65.0 / 6, 185.0 / 18, 455.0 / 54, 1697.0 / 162], run[1]);
        AssertSequence([null, null, 65.0 / 6 - 4, 185.0 / 18 - 4.5, 455.0 / 54 - 5.25, 1697.0 / 162 - 7.125], run[2]);
        Assert.Equal(3, new KeltnerChannel(2, 2, 2).WarmUpPeriod);
        Assert.Equal(20, new KeltnerChannel(20, 10, 2).WarmUpPeriod);
        Assert.Equal(15, new KeltnerChannel(5, 14, 2).WarmUpPeriod);
    }

    [Fact]
    public void Supertrend_ratchets_its_bands_and_flips_up_when_the_close_breaks_the_upper_band()
    {
        // ATR(2), multiplier 1. Index 2: hl2 11 → bands 13/9, first value a downtrend at 13.
        // Index 3: hl2 10, ATR 2.25 → basic 12.25/7.75; upper falls to 12.25, lower stays 9; close 10 ≤ 12.25: down.
        // Index 4: hl2 7.5, ATR 2.625 → basic 10.125/4.875; upper 10.125, lower 9; close 7.5: down at 10.125.
        // Index 5: hl2 11.5, ATR 3.5625 → basic 15.0625/7.9375; upper stays 10.125; the previous close 7.5 broke the
        // lower band 9, so lower resets to 7.9375; close 11.5 > 10.125: up, the value is the lower band 7.9375.
        var probe = Probes.Supertrend(2, 1);
        var run = Run(probe, Candles);
        AssertSequence([null, null, 13, 12.25, 10.125, 7.9375], run[0]);
        AssertSequence([null, null, -1, -1, -1, 1], run[1], 0);
        var supertrend = (Supertrend)probe.Indicator;
        Assert.Equal(10.125, supertrend.UpperBand);
        Assert.Equal(7.9375, supertrend.LowerBand);
        Assert.Equal(3, supertrend.WarmUpPeriod);
    }

    [Fact]
    public void Supertrend_turns_down_when_the_close_breaks_the_lower_band()
    {
        // Up from index 5 (bands 10.125/7.9375). Index 6: (11, 10, 10.5), TR 1.5, ATR (3.5625 + 1.5)/2 = 2.53125,
        // hl2 10.5 → basic 13.03125/7.96875; the previous close 11.5 broke the upper band, so it resets to 13.03125,
        // and the lower band rises to 7.96875; 10.5 stays above it: up at 7.96875.
        // Index 7: (8, 6, 6), TR 10.5 − 6 = 4.5, ATR 3.515625, hl2 7 → basic 10.515625/3.484375; upper falls to
        // 10.515625, lower holds at 7.96875 and the close 6 breaks it: down, at the upper band 10.515625.
        var bars = Candles.Concat(Hlc((11, 10, 10.5m), (8, 6, 6))).ToArray();
        var run = Run(Probes.Supertrend(2, 1), bars);
        AssertSequence([null, null, 13, 12.25, 10.125, 7.9375, 7.96875, 10.515625], run[0]);
        AssertSequence([null, null, -1, -1, -1, 1, 1, -1], run[1], 0);
    }

    [Fact]
    public void Flat_prices_collapse_every_channel_onto_the_price()
    {
        var flat = IndicatorSeries.Flat(20);
        Assert.All(Run(Probes.Donchian(5), flat).SelectMany(o => o.Skip(4)), v => Assert.Equal(50, v));
        Assert.All(Run(Probes.Keltner(5, 5, 2), flat).SelectMany(o => o.Skip(5)), v => Assert.Equal(50, v));
        var supertrend = Run(Probes.Supertrend(5, 3), flat);
        Assert.All(supertrend[0].Skip(5), v => Assert.Equal(50, v));
        Assert.All(supertrend[1].Skip(5), v => Assert.Equal(-1, v));
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(20, 0)]
    [InlineData(20, 16)]
    [InlineData(55, 0)]
    public void Donchian_matches_the_reference_over_a_long_series(int period, int scaleShift)
    {
        var bars = IndicatorSeries.Mixed(scaleShift: scaleShift);
        var (upper, middle, lower) = ReferenceIndicators.Donchian(bars.Highs(), bars.Lows(), period);
        AssertMatches(Probes.Donchian(period), bars, 0, upper, middle, lower);
    }

    [Theory]
    [InlineData(20, 10, 2.0, 0)]
    [InlineData(10, 20, 1.5, 0)]
    [InlineData(20, 10, 2.0, 16)]
    [InlineData(1, 1, 0.5, 0)]
    public void Keltner_matches_the_reference_over_a_long_series(int ema, int atr, double multiplier, int scaleShift)
    {
        var bars = IndicatorSeries.Mixed(scaleShift: scaleShift);
        var (upper, middle, lower) = ReferenceIndicators.Keltner(bars.Highs(), bars.Lows(), bars.Closes(), ema, atr, (decimal)multiplier);
        AssertMatches(Probes.Keltner(ema, atr, multiplier), bars, 0, upper, middle, lower);
    }

    [Theory]
    [InlineData(10, 3.0, 0)]
    [InlineData(7, 2.0, 0)]
    [InlineData(10, 3.0, 16)]
    [InlineData(2, 0.5, 0)]
    public void Supertrend_matches_the_reference_over_a_long_series(int atr, double multiplier, int scaleShift)
    {
        var bars = IndicatorSeries.Mixed(scaleShift: scaleShift);
        var (value, direction) = ReferenceIndicators.Supertrend(bars.Highs(), bars.Lows(), bars.Closes(), atr, (decimal)multiplier);
        Assert.Contains(direction, d => d == 1);
        Assert.True(direction.Count(d => d == -1) > 0 && direction.Zip(direction.Skip(1)).Count(p => p.First != p.Second) > 10);
        AssertMatches(Probes.Supertrend(atr, multiplier), bars, 1, value, direction);
    }

    [Fact]
    public void Parameters_out_of_range_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DonchianChannel(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new KeltnerChannel(20, 10, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new KeltnerChannel(0, 10, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Supertrend(10, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Supertrend(0, 3));
    }
}

using AlgoTrade.Core.Indicators;
using static AlgoTrade.Tests.Core.Indicators.IndicatorHarness;

namespace AlgoTrade.Tests.Core.Indicators;

public class MovingAverageTests
{
    private static readonly Bar[] Series = Closes(2, 4, 6, 8, 12, 10);

    [Fact]
    public void Wma_weights_the_newest_input_most()
    {
        // weights 1, 2, 3 over divider 6: (2+8+18)/6, (4+12+24)/6, (6+16+36)/6, (8+24+30)/6
        AssertSequence([null, null, 14.0 / 3, 20.0 / 3, 29.0 / 3, 31.0 / 3], Values(Probes.Wma(3), Series));
        Assert.Equal(3, new Wma(3).WarmUpPeriod);
    }

    [Fact]
    public void Hma_is_the_wma_of_twice_the_half_wma_minus_the_full_wma()
    {
        // N = 4: WMA(2) = 32/3, 32/3, 8 and WMA(4) = 6, 8.8, 9.8, 9 from index 3 on, so 2·WMA(2) − WMA(4) = 26/3,
        // 188/15, 173/15, 7; HMA = WMA(⌊√4⌋ = 2) of that: (26/3 + 2·188/15)/3 = 506/45, 178/15, 383/45
        AssertSequence([null, null, null, null, 506.0 / 45, 178.0 / 15, 383.0 / 45], Values(Probes.Hma(4), Closes(2, 4, 6, 8, 12, 10, 7)));
        Assert.Equal(5, new Hma(4).WarmUpPeriod);
        Assert.Equal(16 + 4 - 1, new Hma(16).WarmUpPeriod);
        Assert.Equal(9 + 3 - 1, new Hma(9).WarmUpPeriod);
        Assert.Equal(15 + 3 - 1, new Hma(15).WarmUpPeriod);
    }

    [Fact]
    public void Flat_prices_average_to_the_price()
    {
        AssertSequence([null, 50, 50, 50], Values(Probes.Wma(2), IndicatorSeries.Flat(4)), 0);
        AssertSequence([null, 50, 50, 50], Values(Probes.Hma(2), IndicatorSeries.Flat(4)), 0);
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 0)]
    [InlineData(10, 0)]
    [InlineData(30, 16)]
    [InlineData(100, 0)]
    public void Wma_matches_the_reference_over_a_long_series(int period, int scaleShift)
    {
        var bars = IndicatorSeries.Mixed(scaleShift: scaleShift);
        AssertMatches(Probes.Wma(period), bars, 0, ReferenceIndicators.Wma(bars.Closes().Select(c => (decimal?)c).ToArray(), period));
    }

    [Theory]
    [InlineData(2, 0)]
    [InlineData(9, 0)]
    [InlineData(16, 16)]
    [InlineData(55, 0)]
    public void Hma_matches_the_reference_over_a_long_series(int period, int scaleShift)
    {
        var bars = IndicatorSeries.Mixed(scaleShift: scaleShift);
        AssertMatches(Probes.Hma(period), bars, 0, ReferenceIndicators.Hma(bars.Closes(), period));
    }

    [Fact]
    public void Wma_does_not_drift_over_a_million_updates()
    {
        // Running sums lose a little on every update; the window is re-summed every N inputs, so after a long run of
        // large prices the average of a window of small ones is still right to the last digits.
        var wma = new Wma(5);
        var random = new Random(3);
        for (var i = 0; i < 1_000_000; i++) wma.Update(40_000 + random.NextDouble() * 1000);
        foreach (var x in new[] { 1.0, 2, 3, 4, 5, 6, 7 }) wma.Update(x);
        // (3 + 2·4 + 3·5 + 4·6 + 5·7)/15
        Assert.Equal(85.0 / 15, wma.Value, 1e-12);
    }

    [Fact]
    public void Periods_below_the_minimum_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Wma(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Hma(1));
    }
}

using AlgoTrade.Core.Indicators;
using static AlgoTrade.Tests.Core.Indicators.IndicatorHarness;

namespace AlgoTrade.Tests.Core.Indicators;

public class VolumeIndicatorTests
{
    private static Bar Candle(decimal high, decimal low, decimal close, decimal volume) => new(close, high, low, close, volume);

    [Fact]
    public void Obv_starts_at_the_first_volume_and_adds_or_subtracts_by_close_direction()
    {
        // closes 10 11 11 10 12, volumes 5 3 4 2 6: 5, +3, unchanged, −2, +6
        Bar[] bars = [Candle(10, 10, 10, 5), Candle(11, 11, 11, 3), Candle(11, 11, 11, 4), Candle(10, 10, 10, 2), Candle(12, 12, 12, 6)];
        AssertSequence([5, 8, 8, 6, 12], Values(Probes.Obv(), bars), 0);
        Assert.Equal(1, new Obv().WarmUpPeriod);
    }

    [Fact]
    public void Obv_with_zero_volume_stays_where_it_is()
    {
        Bar[] bars = [Candle(10, 10, 10, 0), Candle(11, 11, 11, 0), Candle(9, 9, 9, 0)];
        AssertSequence([0, 0, 0], Values(Probes.Obv(), bars), 0);
    }

    [Fact]
    public void Vwap_weights_typical_prices_by_volume_over_the_last_n_candles()
    {
        // typical prices 10, 12, 12, 9 with volumes 1, 3, 0, 0: (10·1 + 12·3)/4 = 11.5; (12·3 + 12·0)/3 = 12;
        // no volume in the last two candles → the plain mean (12 + 9)/2
        Bar[] bars = [Candle(12, 8, 10, 1), Candle(14, 10, 12, 3), Candle(13, 11, 12, 0), Candle(9, 9, 9, 0)];
        AssertSequence([null, 11.5, 12, 10.5], Values(Probes.Vwap(2), bars));
        Assert.Equal(2, new Vwap(2).WarmUpPeriod);
    }

    [Fact]
    public void Vwap_forgets_a_huge_volume_candle_once_it_leaves_the_window()
    {
        // A running sum would keep a residue of the 1e12 volume; recomputed sums give exactly 20.
        Bar[] bars = [Candle(40_000.3m, 39_999.9m, 40_000.1m, 1_000_000_000_000m), Candle(21, 19, 20, 0.001m), Candle(21, 19, 20, 0.001m)];
        AssertSequence([null, 40_000.1 * 1e12 / (1e12 + 0.001) + 20 * 0.001 / (1e12 + 0.001), 20], Values(Probes.Vwap(2), bars), 1e-9);
        Assert.Equal(20, Values(Probes.Vwap(2), bars)[2]!.Value);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(16)]
    public void Obv_matches_the_reference_over_a_long_series(int scaleShift)
    {
        var bars = IndicatorSeries.Mixed(scaleShift: scaleShift);
        AssertMatches(Probes.Obv(), bars, 1, ReferenceIndicators.Obv(bars.Closes(), bars.Volumes()));
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(20, 0)]
    [InlineData(20, 16)]
    [InlineData(50, 0)]
    public void Vwap_matches_the_reference_over_a_long_series(int period, int scaleShift)
    {
        // the series has two zero-volume stretches longer than every period here
        var bars = IndicatorSeries.Mixed(scaleShift: scaleShift);
        AssertMatches(Probes.Vwap(period), bars, 0, ReferenceIndicators.Vwap(bars.Highs(), bars.Lows(), bars.Closes(), bars.Volumes(), period));
    }

    [Fact]
    public void Periods_below_one_are_rejected() => Assert.Throws<ArgumentOutOfRangeException>(() => new Vwap(0));
}

using AlgoTrade.Core.Indicators;
using static AlgoTrade.Tests.Core.Indicators.IndicatorHarness;

namespace AlgoTrade.Tests.Core.Indicators;

public class MomentumTests
{
    private static readonly Bar[] Series = Closes(2, 4, 6, 8, 12, 10);

    [Fact]
    public void Momentum_is_the_difference_with_n_candles_ago()
    {
        // 6−2, 8−4, 12−6, 10−8
        AssertSequence([null, null, 4, 4, 6, 2], Values(Probes.Momentum(2), Series));
        Assert.Equal(3, new Momentum(2).WarmUpPeriod);
        AssertSequence([null, 2, 2, 2, 4, -2], Values(Probes.Momentum(1), Series));
    }

    [Fact]
    public void Roc_is_the_percent_change_from_n_candles_ago()
    {
        // 6/2 → +200 %, 8/4 → +100 %, 12/6 → +100 %, 10/8 → +25 %
        AssertSequence([null, null, 200, 100, 100, 25], Values(Probes.Roc(2), Series));
        Assert.Equal(3, new Roc(2).WarmUpPeriod);
        AssertSequence([null, -50], Values(Probes.Roc(1), Closes(10, 5)));
    }

    [Fact]
    public void Roc_from_a_zero_price_is_zero_as_in_ta_lib()
    {
        AssertSequence([null, null, 0, 200], Values(Probes.Roc(2), Closes(0, 1, 2, 3)));
    }

    [Fact]
    public void Flat_prices_have_no_momentum()
    {
        AssertSequence([null, 0, 0], Values(Probes.Momentum(1), IndicatorSeries.Flat(3)), 0);
        AssertSequence([null, 0, 0], Values(Probes.Roc(1), IndicatorSeries.Flat(3)), 0);
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(10, 0)]
    [InlineData(10, 16)]
    [InlineData(200, 0)]
    public void Momentum_and_roc_match_the_reference_over_a_long_series(int period, int scaleShift)
    {
        var bars = IndicatorSeries.Mixed(scaleShift: scaleShift);
        var tick = 1.0 / 64 / (1L << scaleShift);
        AssertMatches(Probes.Momentum(period), bars, tick, ReferenceIndicators.Momentum(bars.Closes(), period));
        AssertMatches(Probes.Roc(period), bars, 1, ReferenceIndicators.Roc(bars.Closes(), period));
    }

    [Fact]
    public void Periods_below_one_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Momentum(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Roc(0));
    }
}

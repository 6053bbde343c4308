using AlgoTrade.Core.Market;
using AlgoTrade.Core.Strategies;

namespace AlgoTrade.Tests.Core.Strategies;

public class StrategyTests
{
    // Indicator values behind the expectations are worked out in the comments; EMA(2), EMA(3), RSI(2) of
    // closes 10 9 8 7 8 10 9 7 6 7 9 12:
    // fast : –   9.5  8.5 7.5 7.833 9.278 9.093 7.698 6.566 6.855 8.285 10.762
    // slow : –   –    9   8   8     9     9     8     7     7     8     10
    // rsi  : –   –    0   0   50    83.33 50    19.23 11.90 50    81.68 93.69
    private static readonly double[] Closes = [10, 9, 8, 7, 8, 10, 9, 7, 6, 7, 9, 12];

    private static Signal[] Run(IStrategy strategy, double[] closes) =>
        closes.Select((c, i) => strategy.OnCandle(new Candle(new DateTime(2024, 1, 1, 0, i, 0, DateTimeKind.Utc), c, c, c, c, 1))).ToArray();

    private static int[] Indexes(Signal[] signals, Signal which) =>
        signals.Select((s, i) => (s, i)).Where(x => x.s == which).Select(x => x.i).ToArray();

    [Fact]
    public void Ema_cross_rsi_enters_on_cross_up_below_overbought_and_exits_on_cross_down_or_high_rsi()
    {
        var signals = Run(new EmaCrossRsiStrategy(2, 3, 2, 90), Closes);
        Assert.Equal([5, 10], Indexes(signals, Signal.Enter));   // 9.278 > 9 after 7.833 ≤ 8; rsi 83 < 90
        Assert.Equal([7, 11], Indexes(signals, Signal.Exit));    // cross down at 7; rsi 93.7 > 90 at 11
    }

    [Fact]
    public void Ema_cross_rsi_does_not_enter_while_rsi_is_overbought()
    {
        var signals = Run(new EmaCrossRsiStrategy(2, 3, 2, 70), Closes);
        Assert.Empty(Indexes(signals, Signal.Enter));
        Assert.Equal([5, 7, 10, 11], Indexes(signals, Signal.Exit));
        Assert.Equal(4, new EmaCrossRsiStrategy(2, 3, 2, 70).WarmUpPeriod);
    }

    [Fact]
    public void Rsi_mean_reversion_enters_crossing_up_through_oversold_and_exits_crossing_up_through_overbought()
    {
        var signals = Run(new RsiMeanReversionStrategy(2, 30, 70), Closes);
        Assert.Equal([4, 9], Indexes(signals, Signal.Enter));   // 0 → 50, 11.9 → 50
        Assert.Equal([5, 10], Indexes(signals, Signal.Exit));   // 50 → 83.3, 50 → 81.7 (not again at 93.7)
    }

    [Fact]
    public void Macd_cross_follows_the_line_crossing_its_signal()
    {
        // MACD(2,3,2) of 10 9 8 7 8 10 9.5 7 6 7 9 12:
        // line  : −.5 −.5 −.167 .278 .176 −.316 −.460 −.164 .274 .755 (from index 2)
        // signal:     −.5 −.278 .093 .148 −.162 −.360 −.229 .106 .539 (from index 3)
        var signals = Run(new MacdCrossStrategy(2, 3, 2), [10, 9, 8, 7, 8, 10, 9.5, 7, 6, 7, 9, 12]);
        Assert.Equal([4, 9], Indexes(signals, Signal.Enter));
        Assert.Equal([7], Indexes(signals, Signal.Exit));
    }

    [Fact]
    public void Bollinger_reversion_enters_back_above_the_lower_band_and_exits_at_the_middle()
    {
        // Bands(3, 1σ): lower 8.18 7.18 7.20 7.09 8.18 7.42 6.09 6.20 6.09 7.28; middle 9 8 7.67 8.33 9 8.67 7.33 6.67 7.33 9.33
        var signals = Run(new BollingerReversionStrategy(3, 1), Closes);
        Assert.Equal([4, 9], Indexes(signals, Signal.Enter));    // 7 < 7.18 then 8 > 7.20; 6 < 6.09 then 7 > 6.20
        Assert.Equal([5, 6, 10, 11], Indexes(signals, Signal.Exit));
    }

    [Fact]
    public void Reset_replays_identically()
    {
        var strategy = new EmaCrossRsiStrategy(2, 3, 2, 90);
        var first = Run(strategy, Closes);
        strategy.Reset();
        Assert.Equal(first, Run(strategy, Closes));
    }
}

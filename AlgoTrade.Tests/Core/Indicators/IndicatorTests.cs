using AlgoTrade.Core.Indicators;

namespace AlgoTrade.Tests.Core.Indicators;

public class IndicatorTests
{
    private const double Tol = 1e-12;
    private static readonly double[] Series = [2, 4, 6, 8, 12, 10];

    private static double?[] Feed(Func<double, bool> update, Func<double> value, IEnumerable<double> xs) =>
        xs.Select(x => update(x) ? value() : (double?)null).ToArray();

    private static void AssertSeq(double?[] expected, double?[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i].HasValue, actual[i].HasValue);
            if (expected[i] is { } e) Assert.Equal(e, actual[i]!.Value, Tol);
        }
    }

    [Fact]
    public void Sma_averages_the_last_n_values()
    {
        var sma = new Sma(3);
        AssertSeq([null, null, 4, 6, 26.0 / 3, 10], Feed(sma.Update, () => sma.Value, Series));
        Assert.Equal(3, sma.WarmUpPeriod);
    }

    [Fact]
    public void Ema_is_seeded_with_the_sma_then_uses_k_2_over_n_plus_1()
    {
        // seed (2+4+6)/3 = 4; k = 0.5: 4+.5(8−4)=6; 6+.5(12−6)=9; 9+.5(10−9)=9.5
        var ema = new Ema(3);
        AssertSeq([null, null, 4, 6, 9, 9.5], Feed(ema.Update, () => ema.Value, Series));
        Assert.True(ema.IsReady);
        ema.Reset();
        Assert.False(ema.IsReady);
        AssertSeq([null, null, 4, 6, 9, 9.5], Feed(ema.Update, () => ema.Value, Series));
    }

    [Fact]
    public void Rsi_uses_simple_seed_then_wilder_smoothing()
    {
        // changes +1 −0.5 +1.5 −1 +2; seed gain 2.5/3, loss 0.5/3 → 250/3;
        // then gain 5/9, loss 4/9 → 500/9; then gain 28/27, loss 8/27 → 700/9
        var rsi = new Rsi(3);
        AssertSeq([null, null, null, 250.0 / 3, 500.0 / 9, 700.0 / 9],
            Feed(rsi.Update, () => rsi.Value, [10, 11, 10.5, 12, 11, 13]));
        Assert.Equal(4, rsi.WarmUpPeriod);
    }

    [Fact]
    public void Rsi_is_100_without_losses_and_0_when_flat()
    {
        var up = new Rsi(2);
        AssertSeq([null, null, 100], Feed(up.Update, () => up.Value, [1, 2, 3]));
        var flat = new Rsi(2);
        AssertSeq([null, null, 0], Feed(flat.Update, () => flat.Value, [5, 5, 5]));
    }

    [Fact]
    public void Macd_line_signal_and_histogram()
    {
        // fast EMA(2): 1.5, 19/6, 103/18, 499/54, 2227/162; slow EMA(3): 7/3, 14/3, 47/6, 143/12
        // line: 5/6, 19/18, 38/27, 593/324; signal EMA(2) of line: 17/18, 203/162, 398/243
        var macd = new Macd(2, 3, 2);
        double[] xs = [1, 2, 4, 7, 11, 16];
        var lines = new double?[6];
        var signals = new double?[6];
        for (var i = 0; i < xs.Length; i++)
        {
            if (macd.Update(xs[i]))
            {
                lines[i] = macd.Line;
                signals[i] = macd.Signal;
                Assert.Equal(macd.Line - macd.Signal, macd.Histogram, Tol);
            }
        }
        AssertSeq([null, null, null, 19.0 / 18, 38.0 / 27, 593.0 / 324], lines);
        AssertSeq([null, null, null, 17.0 / 18, 203.0 / 162, 398.0 / 243], signals);
        Assert.Equal(4, macd.WarmUpPeriod);
    }

    [Fact]
    public void Bollinger_uses_population_standard_deviation()
    {
        var bb = new BollingerBands(3, 2);
        Assert.False(bb.Update(2));
        Assert.False(bb.Update(4));
        Assert.True(bb.Update(6));
        // mean 4, σ² = (4+0+4)/3
        Assert.Equal(4, bb.Middle, Tol);
        Assert.Equal(4 + 2 * Math.Sqrt(8.0 / 3), bb.Upper, Tol);
        Assert.Equal(4 - 2 * Math.Sqrt(8.0 / 3), bb.Lower, Tol);
        bb.Update(8);
        bb.Update(12);
        // window 6, 8, 12: mean 26/3, deviations −8/3 −2/3 10/3 → σ² = 168/27
        Assert.Equal(26.0 / 3, bb.Middle, Tol);
        Assert.Equal(Math.Sqrt(168.0 / 27), bb.StandardDeviation, Tol);
        Assert.Equal(26.0 / 3 - 2 * Math.Sqrt(168.0 / 27), bb.Lower, Tol);
    }

    [Fact]
    public void Atr_uses_true_range_with_gaps_and_wilder_smoothing()
    {
        var atr = new Atr(3);
        (double H, double L, double C)[] bars = [(10, 8, 9), (11, 9, 10), (12, 10, 11.5), (11, 9, 10), (8, 7, 7.5), (12, 11, 11.5)];
        var values = bars.Select(b => atr.Update(b.H, b.L, b.C) ? atr.Value : (double?)null).ToArray();
        // TR: 2, 2, 2.5 (prev close 11.5), 3 (gap down from 10), 4.5 (gap up from 7.5)
        AssertSeq([null, null, null, 6.5 / 3, 22.0 / 9, 84.5 / 27], values);
        Assert.Equal(4, atr.WarmUpPeriod);
    }
}

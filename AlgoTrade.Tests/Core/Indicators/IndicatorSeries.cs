namespace AlgoTrade.Tests.Core.Indicators;

/// <summary>One OHLCV candle held both ways: the exact decimal for the references and the double the indicators take.</summary>
internal readonly record struct Bar(decimal Open, decimal High, decimal Low, decimal Close, decimal Volume)
{
    public double O => (double)Open;
    public double H => (double)High;
    public double L => (double)Low;
    public double C => (double)Close;
    public double V => (double)Volume;
}

/// <summary>
/// Seeded test series. Prices are whole multiples of a power-of-two tick and volumes of 1/16, so every input is
/// exact in both double and decimal and both sides take the same branches on comparisons of differences.
/// </summary>
internal static class IndicatorSeries
{
    /// <summary>
    /// A random walk around 100 (tick 1/64) with gaps, zero-volume candles, two flat zero-volume stretches longer
    /// than any tested period, a steady rise and a steady fall. scaleShift divides every price by 2^scaleShift
    /// (16 gives a coin quoted around 0.0015).
    /// </summary>
    public static Bar[] Mixed(int length = 1500, int seed = 7, int scaleShift = 0)
    {
        var random = new Random(seed);
        var tick = 1m / 64 / (1L << scaleShift);
        var bars = new Bar[length];
        long close = 6400;
        for (var i = 0; i < length; i++)
        {
            var flat = i is >= 300 and < 360 or >= 900 and < 940;
            if (flat)
            {
                var p = close * tick;
                bars[i] = new Bar(p, p, p, p, 0);
                continue;
            }
            var open = close;
            if (random.Next(25) == 0) open += random.Next(-128, 129);
            var step = i switch
            {
                >= 500 and < 560 => random.Next(16, 80),
                >= 560 and < 620 => -random.Next(16, 80),
                _ => random.Next(-64, 65),
            };
            close = Math.Max(open + step, 200);
            var high = Math.Max(open, close) + random.Next(48);
            var low = Math.Max(Math.Min(open, close) - random.Next(48), 100);
            var volume = random.Next(8) == 0 ? 0 : random.Next(16_000) / 16m;
            bars[i] = new Bar(open * tick, high * tick, low * tick, close * tick, volume);
        }
        return bars;
    }

    /// <summary>n identical candles at price p with volume v.</summary>
    public static Bar[] Flat(int n, decimal price = 50, decimal volume = 0) =>
        Enumerable.Repeat(new Bar(price, price, price, price, volume), n).ToArray();

    public static decimal[] Highs(this Bar[] bars) => bars.Select(b => b.High).ToArray();
    public static decimal[] Lows(this Bar[] bars) => bars.Select(b => b.Low).ToArray();
    public static decimal[] Closes(this Bar[] bars) => bars.Select(b => b.Close).ToArray();
    public static decimal[] Volumes(this Bar[] bars) => bars.Select(b => b.Volume).ToArray();
}

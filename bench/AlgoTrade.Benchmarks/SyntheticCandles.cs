using System.Globalization;
using System.Text;
using AlgoTrade.Core.Market;

namespace AlgoTrade.Benchmarks;

/// <summary>A seeded random walk of 1-minute candles around 40,000 (BTC-like volatility), and its Binance CSV.</summary>
public static class SyntheticCandles
{
    public static readonly DateTime Start = new(2023, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static Candle[] Generate(int count, int seed = 42)
    {
        var random = new Random(seed);
        var candles = new Candle[count];
        var price = 40_000.0;
        for (var i = 0; i < count; i++)
        {
            var open = price;
            var close = open * (1 + (random.NextDouble() - 0.5) * 0.004);
            var high = Math.Max(open, close) * (1 + random.NextDouble() * 0.001);
            var low = Math.Min(open, close) * (1 - random.NextDouble() * 0.001);
            candles[i] = new Candle(Start.AddMinutes(i), open, high, low, close, 1 + random.NextDouble() * 10);
            price = close;
        }
        return candles;
    }

    /// <summary>Writes Binance's 12-column kline format (open time in ms, no header).</summary>
    public static void WriteBinanceCsv(string path, Candle[] candles)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        foreach (var c in candles)
        {
            var open = (long)(c.OpenTime - DateTime.UnixEpoch).TotalMilliseconds;
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{open},{c.Open:0.00},{c.High:0.00},{c.Low:0.00},{c.Close:0.00},{c.Volume:0.00000},{open + 59_999},{c.Volume * c.Close:0.0000},100,{c.Volume / 2:0.00000},{c.Volume * c.Close / 2:0.0000},0"));
        }
    }
}

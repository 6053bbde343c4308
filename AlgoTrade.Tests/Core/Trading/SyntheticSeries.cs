using AlgoTrade.Core.Market;

namespace AlgoTrade.Tests.Core.Trading;

/// <summary>
/// Deterministic 1m random walks with opening gaps, wick spikes and the odd missing candle. Prices are decimals with
/// 8 places, so the double candles are the nearest doubles to the decimal ones and exact ties with the engine's
/// levels are practically impossible.
/// </summary>
internal sealed class SyntheticSeries
{
    private SyntheticSeries(DecimalCandle[] exact, Candle[] candles)
    {
        Exact = exact;
        Candles = candles;
    }

    public DecimalCandle[] Exact { get; }
    public Candle[] Candles { get; }

    public static SyntheticSeries Generate(int seed, DateTime start, double startPrice, int count)
    {
        var random = new Random(seed);
        var exact = new DecimalCandle[count];
        var candles = new Candle[count];
        var time = start;
        var close = startPrice;
        for (var i = 0; i < count; i++)
        {
            if (random.NextDouble() < 0.003) time = time.AddMinutes(1 + random.Next(5));

            var open = close;
            if (random.NextDouble() < 0.01)
                open *= 1 + (random.NextDouble() < 0.5 ? -1 : 1) * (0.004 + 0.02 * random.NextDouble());
            close = open * (1 + 0.0012 * Normal(random));
            var high = Math.Max(open, close) * (1 + 0.0006 * Math.Abs(Normal(random)));
            var low = Math.Min(open, close) * (1 - 0.0006 * Math.Abs(Normal(random)));
            if (random.NextDouble() < 0.006) high *= 1 + 0.01 + 0.03 * random.NextDouble();
            if (random.NextDouble() < 0.006) low *= 1 - 0.01 - 0.03 * random.NextDouble();

            var o = Round(open);
            var c = Round(close);
            var h = Math.Max(Round(high), Math.Max(o, c));
            var l = Math.Min(Round(low), Math.Min(o, c));
            exact[i] = new DecimalCandle(time, o, h, l, c);
            candles[i] = new Candle(time, (double)o, (double)h, (double)l, (double)c, 1);
            close = (double)c;
            time = time.AddMinutes(1);
        }
        return new SyntheticSeries(exact, candles);
    }

    private static decimal Round(double price) => Math.Round((decimal)price, 8);

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}

using AlgoTrade.Core.Market;

namespace AlgoTrade.Core.Candles;

/// <summary>Candles opening in [<see cref="From"/>, <see cref="To"/>); <see cref="Candles"/> stored (a range) or missing (a gap).</summary>
public sealed record CandleRange(DateTime From, DateTime To, long Candles)
{
    /// <summary>The range [from, to) with the number of <paramref name="timeframe"/> candles that open in it.</summary>
    public static CandleRange Spanning(DateTime from, DateTime to, Timeframe timeframe)
    {
        var step = timeframe.Duration.Ticks;
        var length = (to - from).Ticks;
        return new CandleRange(from, to, length <= 0 ? 0 : (length + step - 1) / step);
    }
}

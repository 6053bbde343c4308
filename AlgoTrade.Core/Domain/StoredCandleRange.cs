namespace AlgoTrade.Core.Domain;

/// <summary>
/// One unbroken run of stored candles of a series (<c>candle_ranges</c>): candles open at <see cref="RangeFrom"/>,
/// every step after it, up to the last one closing at <see cref="RangeTo"/>. Kept by the candle store in the same
/// transaction as the candles it writes, so coverage reads the ranges instead of every candle.
/// </summary>
public class StoredCandleRange
{
    public string Exchange { get; set; } = "";
    public string Symbol { get; set; } = "";
    public string Timeframe { get; set; } = "";
    public DateTime RangeFrom { get; set; }

    /// <summary>Exclusive: the close time of the range's last candle.</summary>
    public DateTime RangeTo { get; set; }

    public long Candles { get; set; }
}

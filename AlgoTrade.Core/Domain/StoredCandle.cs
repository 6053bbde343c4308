namespace AlgoTrade.Core.Domain;

/// <summary>
/// One closed candle in the shared candle store (<c>candles</c>), keyed by where it came from. Prices are double,
/// as the engine computes in double: a stored candle loads back bit-for-bit as the <see cref="Market.Candle"/> it was.
/// </summary>
public class StoredCandle
{
    public string Exchange { get; set; } = "";
    public string Symbol { get; set; } = "";
    public string Timeframe { get; set; } = "";
    public DateTime OpenTime { get; set; }
    public double Open { get; set; }
    public double High { get; set; }
    public double Low { get; set; }
    public double Close { get; set; }
    public double Volume { get; set; }
}

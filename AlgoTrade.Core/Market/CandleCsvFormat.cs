namespace AlgoTrade.Core.Market;

public enum CandleCsvFormat
{
    /// <summary>Header <c>datetime,open,high,low,close,volume</c>; times ISO 8601 or <c>yyyy-MM-dd HH:mm:ss</c>, UTC.</summary>
    DatetimeHeader,

    /// <summary>Binance's 12-column kline CSV without header; open time in ms or µs since the epoch.</summary>
    BinanceKline,
}

namespace AlgoTrade.Core.Market;

/// <summary>One OHLCV bar. Prices are double: the backtest hot loop runs in double (see docs/backtesting.md).</summary>
public readonly record struct Candle(DateTime OpenTime, double Open, double High, double Low, double Close, double Volume)
{
    public Candle(long openTimeTicks, double open, double high, double low, double close, double volume)
        : this(new DateTime(openTimeTicks, DateTimeKind.Utc), open, high, low, close, volume)
    {
    }
}

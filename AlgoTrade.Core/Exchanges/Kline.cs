using AlgoTrade.Core.Market;

namespace AlgoTrade.Core.Exchanges;

/// <summary>One candle as the exchange reports it; <see cref="CloseTime"/> is the last millisecond of the interval (UTC).</summary>
public sealed record Kline(DateTime OpenTime, DateTime CloseTime, decimal Open, decimal High, decimal Low, decimal Close, decimal Volume)
{
    /// <summary>The engine's double candle; the one place exchange prices cross from decimal to double.</summary>
    public Candle ToCandle() => new(OpenTime, (double)Open, (double)High, (double)Low, (double)Close, (double)Volume);
}

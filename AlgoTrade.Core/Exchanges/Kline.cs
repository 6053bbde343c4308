namespace AlgoTrade.Core.Exchanges;

/// <summary>One candle as the exchange reports it; <see cref="CloseTime"/> is the last millisecond of the interval (UTC).</summary>
public sealed record Kline(DateTime OpenTime, DateTime CloseTime, decimal Open, decimal High, decimal Low, decimal Close, decimal Volume);

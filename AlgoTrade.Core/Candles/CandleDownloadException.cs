namespace AlgoTrade.Core.Candles;

/// <summary>The exchange refused or failed to deliver candles; the message is meant for the trader.</summary>
public sealed class CandleDownloadException(string message) : Exception(message);

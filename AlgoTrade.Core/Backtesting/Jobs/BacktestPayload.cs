using System.Runtime.InteropServices;
using AlgoTrade.Core.Market;

namespace AlgoTrade.Core.Backtesting.Jobs;

/// <summary>
/// The <c>backtest</c> work item's payload. An uploaded CSV's candles travel in it (packed, base64), so whichever node
/// claims the item can run it; exchange history is fetched by that node.
/// </summary>
public sealed record BacktestPayload(string? Candles)
{
    public static BacktestPayload For(Candle[]? candles) =>
        new(candles is null ? null : Convert.ToBase64String(MemoryMarshal.AsBytes(candles.AsSpan())));

    public Candle[]? ReadCandles() =>
        Candles is null ? null : MemoryMarshal.Cast<byte, Candle>(Convert.FromBase64String(Candles)).ToArray();
}

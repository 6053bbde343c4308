using AlgoTrade.Core.Trading;

namespace AlgoTrade.Core.Trades;

/// <summary>One fill as the trade history and its CSV export show it.</summary>
public sealed record TradeRow(
    int Id,
    DateTime Timestamp,
    int BotId,
    string BotName,
    string Symbol,
    OrderSide Side,
    string OrderType,
    decimal Price,
    decimal Quantity,
    decimal QuoteQuantity,
    decimal Commission,
    string? CommissionAsset,
    decimal? Pnl,
    string? EntryReason,
    string? ExitReason,
    string? ExchangeOrderId)
{
    public string? Reason => ExitReason ?? EntryReason;
}

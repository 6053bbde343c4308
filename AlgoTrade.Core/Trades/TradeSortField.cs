namespace AlgoTrade.Core.Trades;

public enum TradeSortField
{
    Timestamp,
    Bot,
    Symbol,
    Side,
    Price,
    Quantity,
    QuoteQuantity,
    Commission,
    Pnl,
}

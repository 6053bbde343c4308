namespace AlgoTrade.Core.Trades;

public sealed record TradePage(IReadOnlyList<TradeRow> Items, int TotalCount);

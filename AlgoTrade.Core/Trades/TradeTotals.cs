namespace AlgoTrade.Core.Trades;

/// <summary>Totals of a filtered set of fills: realized PnL sums the fills' pnl, fees their commission amounts.</summary>
public sealed record TradeTotals(int Count, decimal RealizedPnl, decimal Fees);

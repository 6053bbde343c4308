namespace AlgoTrade.Core.Trading;

/// <summary>
/// One level of <c>partial_take_profits_config</c>: at E·(1 + Percentage/100) sell Ratio × the entry quantity.
/// Ratio is a fraction (0.5 = half).
/// </summary>
public sealed record PartialTakeProfit(decimal Percentage, decimal Ratio);

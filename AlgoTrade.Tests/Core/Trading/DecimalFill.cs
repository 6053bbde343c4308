using AlgoTrade.Core.Trading;

namespace AlgoTrade.Tests.Core.Trading;

/// <summary>A fill of <see cref="DecimalFillModel"/>; <see cref="RealizedPnl"/> is null for buys.</summary>
internal sealed record DecimalFill(DateTime Time, OrderSide Side, FillReason Reason, decimal Price, decimal Quantity, decimal Fee, decimal? RealizedPnl);

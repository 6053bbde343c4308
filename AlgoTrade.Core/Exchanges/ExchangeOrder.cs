using AlgoTrade.Core.Trading;

namespace AlgoTrade.Core.Exchanges;

/// <summary>An order as the exchange knows it, with its fills when the exchange reported them.</summary>
public sealed record ExchangeOrder(
    string Symbol,
    string OrderId,
    string ClientOrderId,
    OrderSide Side,
    OrderType Type,
    OrderStatus Status,
    decimal Price,
    decimal Quantity,
    decimal ExecutedQuantity,
    decimal CumulativeQuoteQuantity,
    DateTime UpdatedAt,
    IReadOnlyList<OrderFill> Fills)
{
    public decimal AveragePrice => ExecutedQuantity == 0 ? 0 : CumulativeQuoteQuantity / ExecutedQuantity;

    public decimal CommissionIn(string asset) => Fills.Where(f => f.CommissionAsset == asset).Sum(f => f.Commission);
}

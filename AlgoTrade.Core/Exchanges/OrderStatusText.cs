using AlgoTrade.Core.Domain;

namespace AlgoTrade.Core.Exchanges;

/// <summary>
/// <see cref="OrderStatus"/> spelled as exchanges and the seed's <c>paper_orders.status</c> spell it:
/// <c>NEW</c>, <c>FILLED</c>, <c>CANCELED</c>, …
/// </summary>
public static class OrderStatusText
{
    public static readonly SeedText<OrderStatus> Texts = new("order status",
        (OrderStatus.New, "NEW"),
        (OrderStatus.PartiallyFilled, "PARTIALLY_FILLED"),
        (OrderStatus.Filled, "FILLED"),
        (OrderStatus.Canceled, "CANCELED"),
        (OrderStatus.PendingCancel, "PENDING_CANCEL"),
        (OrderStatus.Rejected, "REJECTED"),
        (OrderStatus.Expired, "EXPIRED"));

    public static string ToText(this OrderStatus status) => Texts.ToText(status);

    public static OrderStatus Parse(string text) => Texts.Parse(text);
}

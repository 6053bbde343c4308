namespace AlgoTrade.Core.Exchanges;

/// <summary>
/// <see cref="OrderStatus"/> spelled as exchanges and the seed's <c>paper_orders.status</c> spell it:
/// <c>NEW</c>, <c>FILLED</c>, <c>CANCELED</c>, …
/// </summary>
public static class OrderStatusText
{
    private static readonly Dictionary<OrderStatus, string> Texts = new()
    {
        [OrderStatus.New] = "NEW",
        [OrderStatus.PartiallyFilled] = "PARTIALLY_FILLED",
        [OrderStatus.Filled] = "FILLED",
        [OrderStatus.Canceled] = "CANCELED",
        [OrderStatus.PendingCancel] = "PENDING_CANCEL",
        [OrderStatus.Rejected] = "REJECTED",
        [OrderStatus.Expired] = "EXPIRED",
    };

    private static readonly Dictionary<string, OrderStatus> Statuses = Texts.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    public static string ToText(this OrderStatus status) => Texts[status];

    public static OrderStatus Parse(string text) =>
        Statuses.TryGetValue(text, out var status) ? status : throw new FormatException($"Unknown order status '{text}'.");
}

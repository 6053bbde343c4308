using AlgoTrade.Core.Trading;

namespace AlgoTrade.Core.Runtime;

/// <summary>
/// An order written to bot_state before it is sent, so that a crash between the exchange accepting it and the tick
/// committing is reconciled by client order id on the next tick instead of being sent again.
/// </summary>
public sealed record PendingExchangeOrder(
    string ClientOrderId,
    OrderSide Side,
    FillReason Reason,
    DateTime Time,
    double Price,
    double Quantity,
    double QuoteAmount,
    int PartialLevel,
    DateTime PlacedAt)
{
    public OrderIntent ToIntent() => new(Side, Reason, Time, Price, Quantity, QuoteAmount, PartialLevel);

    public static PendingExchangeOrder From(in OrderIntent intent, string clientOrderId, DateTime placedAt) =>
        new(clientOrderId, intent.Side, intent.Reason, intent.Time, intent.Price, intent.Quantity, intent.QuoteAmount, intent.PartialLevel, placedAt);
}

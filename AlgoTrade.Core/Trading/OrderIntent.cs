namespace AlgoTrade.Core.Trading;

/// <summary>
/// What the engine wants done. Buys name the quote amount to spend (<see cref="QuoteAmount"/>; Binance's
/// quoteOrderQty), sells the base quantity. <see cref="Price"/> is where the fill model expects the fill; the
/// simulated broker fills exactly there, a live driver reports what the exchange did.
/// </summary>
public readonly record struct OrderIntent(
    OrderSide Side,
    FillReason Reason,
    DateTime Time,
    double Price,
    double Quantity,
    double QuoteAmount,
    int PartialLevel = -1);

namespace AlgoTrade.Core.Exchanges;

/// <summary>
/// One exchange account (or one bot's virtual account on paper/simulated).
/// Ordering contract: when <see cref="PlaceOrderAsync"/> fails with <see cref="ExchangeErrorKind.UnknownExecutionStatus"/>
/// the order may exist; call <see cref="GetOrderAsync"/> with the same client order id, and place it again only after
/// <see cref="ExchangeErrorKind.OrderNotFound"/>.
/// </summary>
public interface IExchangeClient : IMarketDataClient
{
    Task<ExchangeResult<IReadOnlyList<Balance>>> GetBalancesAsync(CancellationToken ct = default);

    /// <summary>Rounds quantity down to the step size and price to the tick size, and refuses orders below the filters without sending.</summary>
    Task<ExchangeResult<ExchangeOrder>> PlaceOrderAsync(OrderRequest request, CancellationToken ct = default);

    Task<ExchangeResult<ExchangeOrder>> GetOrderAsync(string symbol, string clientOrderId, CancellationToken ct = default);

    Task<ExchangeResult<ExchangeOrder>> CancelOrderAsync(string symbol, string clientOrderId, CancellationToken ct = default);

    /// <summary>
    /// How long after an order was sent the exchange may still accept it (Binance: its recvWindow plus clock margin).
    /// Within it "order not found" is not final: the order may still be on its way, so it is neither resent nor dropped.
    /// </summary>
    TimeSpan OrderInFlightWindow => TimeSpan.Zero;
}

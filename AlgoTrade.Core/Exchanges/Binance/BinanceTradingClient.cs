using Microsoft.Extensions.Logging;

namespace AlgoTrade.Core.Exchanges.Binance;

/// <summary>Signed order endpoints (Binance.Net's SpotApi.Trading), with reconciliation of orders whose fate is unknown.</summary>
public sealed class BinanceTradingClient
{
    private readonly BinanceTransport _transport;
    private readonly BinanceExchangeDataClient _exchangeData;
    private readonly ILogger _logger;

    public TimeSpan OrderInFlightWindow => _transport.OrderInFlightWindow;

    internal BinanceTradingClient(BinanceTransport transport, BinanceExchangeDataClient exchangeData, ILogger logger)
    {
        _transport = transport;
        _exchangeData = exchangeData;
        _logger = logger;
    }

    /// <summary>
    /// Places an order after applying the symbol's filters. When the answer is lost (5xx, -1007, timeout) the order is
    /// looked up by its client order id. Binance answers -2013 also while the original is still on its way, and it
    /// enforces unique client order ids only among open orders, so "not found" is final only once the original's
    /// receive window has passed: until then it is asked again with backoff, and only then sent once more.
    /// </summary>
    public async Task<ExchangeResult<ExchangeOrder>> PlaceOrderAsync(OrderRequest request, CancellationToken ct = default)
    {
        var symbol = await _exchangeData.GetSymbolAsync(request.Symbol, ct);
        if (!symbol.Success)
            return symbol.As<ExchangeOrder>();
        decimal? referencePrice = null;
        if (request is { Type: OrderType.Market, Quantity: not null, QuoteQuantity: null } && symbol.Data.MinNotional > 0)
        {
            var last = await _exchangeData.GetLastPriceAsync(symbol.Data.Symbol, ct);
            if (!last.Success)
                return last.As<ExchangeOrder>();
            referencePrice = last.Data;
        }
        var filtered = OrderFilters.Apply(symbol.Data, request with { Symbol = symbol.Data.Symbol }, referencePrice);
        if (!filtered.Success)
        {
            _logger.LogInformation("Order {ClientOrderId} on {Symbol} refused before sending: {Reason}", request.ClientOrderId, request.Symbol, filtered.Error.Message);
            return filtered.As<ExchangeOrder>();
        }
        var order = filtered.Data;

        for (var attempt = 1; ; attempt++)
        {
            var sent = await SendNewOrderAsync(order, ct);
            if (sent.Success || !sent.Error.RequiresReconciliation)
                return sent;

            // The request was signed before this moment, so the exchange refuses it after this plus the window.
            var deadline = _transport.Clock.GetUtcNow() + _transport.ReceiveWindow;
            _logger.LogWarning("Order {ClientOrderId} on {Symbol}: execution status unknown ({Reason}); querying it before anything else",
                order.ClientOrderId, order.Symbol, sent.Error.Message);
            var found = await LookUpUntilAsync(order, deadline, ct);
            if (found.Success)
                return found;
            if (found.Error.Kind != ExchangeErrorKind.OrderNotFound || attempt >= 2)
            {
                return ExchangeResult<ExchangeOrder>.Fail(ExchangeErrorKind.UnknownExecutionStatus,
                    $"Order {order.ClientOrderId} may or may not exist ({sent.Error.Message}); query it by client order id before placing it again.",
                    sent.Error.Code);
            }
            _logger.LogWarning("Order {ClientOrderId} on {Symbol} still absent after its receive window; sending it again with the same client order id", order.ClientOrderId, order.Symbol);
        }
    }

    /// <summary>Looks the order up; while it answers "not found" before <paramref name="deadline"/>, asks again with backoff.</summary>
    private async Task<ExchangeResult<ExchangeOrder>> LookUpUntilAsync(OrderRequest order, DateTimeOffset deadline, CancellationToken ct)
    {
        var delay = TimeSpan.FromMilliseconds(250);
        while (true)
        {
            var found = await GetOrderAsync(order.Symbol, order.ClientOrderId, ct);
            if (found.Success || found.Error.Kind != ExchangeErrorKind.OrderNotFound)
                return found;
            var left = deadline - _transport.Clock.GetUtcNow();
            if (left <= TimeSpan.Zero)
                return found;
            _logger.LogInformation("Order {ClientOrderId} on {Symbol} not found yet but may still be on its way; asking again in {DelayMs} ms",
                order.ClientOrderId, order.Symbol, (int)Math.Min(delay.TotalMilliseconds, left.TotalMilliseconds));
            await Task.Delay(delay < left ? delay : left, _transport.Clock, ct);
            delay *= 2;
        }
    }

    public async Task<ExchangeResult<ExchangeOrder>> GetOrderAsync(string symbol, string clientOrderId, CancellationToken ct = default)
    {
        if (!ClientOrderIds.IsValid(clientOrderId))
            return ExchangeResult<ExchangeOrder>.Fail(ExchangeErrorKind.InvalidRequest, "Invalid client order id.");
        symbol = symbol.ToUpperInvariant();
        var result = await _transport.SendAsync(HttpMethod.Get, "/api/v3/order",
            [new("symbol", symbol), new("origClientOrderId", clientOrderId)], signed: true, weight: 4, ct);
        if (!result.Success)
            return result.As<ExchangeOrder>();
        var order = BinanceJson.Order(result.Data);
        if (order.ExecutedQuantity == 0)
            return ExchangeResult<ExchangeOrder>.Ok(order);

        // GET /order has no fills; the account's trades for this order carry prices and commissions. Without them a
        // fill would be booked without its commission, so the order counts as not looked up yet.
        var trades = await _transport.SendAsync(HttpMethod.Get, "/api/v3/myTrades",
            [new("symbol", symbol), new("orderId", order.OrderId)], signed: true, weight: 20, ct);
        if (!trades.Success)
            return trades.As<ExchangeOrder>();
        return ExchangeResult<ExchangeOrder>.Ok(order with { Fills = trades.Data.EnumerateArray().Select(BinanceJson.Trade).ToList() });
    }

    public async Task<ExchangeResult<ExchangeOrder>> CancelOrderAsync(string symbol, string clientOrderId, CancellationToken ct = default)
    {
        if (!ClientOrderIds.IsValid(clientOrderId))
            return ExchangeResult<ExchangeOrder>.Fail(ExchangeErrorKind.InvalidRequest, "Invalid client order id.");
        var result = await _transport.SendAsync(HttpMethod.Delete, "/api/v3/order",
            [new("symbol", symbol.ToUpperInvariant()), new("origClientOrderId", clientOrderId)], signed: true, weight: 1, ct);
        return result.Map(r => BinanceJson.Order(r));
    }

    private async Task<ExchangeResult<ExchangeOrder>> SendNewOrderAsync(OrderRequest order, CancellationToken ct)
    {
        var query = new List<KeyValuePair<string, string>>
        {
            new("symbol", order.Symbol),
            new("side", BinanceJson.Side(order.Side)),
            new("type", order.Type == OrderType.Limit ? "LIMIT" : "MARKET"),
        };
        if (order.Type == OrderType.Limit)
            query.Add(new("timeInForce", "GTC"));
        if (order.Quantity is { } quantity)
            query.Add(new("quantity", quantity.Text()));
        if (order.QuoteQuantity is { } quote)
            query.Add(new("quoteOrderQty", quote.Text()));
        if (order.Price is { } price)
            query.Add(new("price", price.Text()));
        query.Add(new("newClientOrderId", order.ClientOrderId));
        query.Add(new("newOrderRespType", "FULL"));
        var result = await _transport.SendAsync(HttpMethod.Post, "/api/v3/order", query, signed: true, weight: 1, ct);
        return result.Map(r => BinanceJson.Order(r));
    }
}

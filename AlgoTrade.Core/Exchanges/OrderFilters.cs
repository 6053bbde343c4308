namespace AlgoTrade.Core.Exchanges;

/// <summary>Applies a symbol's filters to an order before it is sent, the way the exchange would judge it.</summary>
public static class OrderFilters
{
    public static decimal RoundDown(decimal value, decimal step) =>
        step <= 0 ? value : Math.Floor(value / step) * step;

    public static decimal RoundToTick(decimal price, decimal tick) =>
        tick <= 0 ? price : Math.Round(price / tick, MidpointRounding.AwayFromZero) * tick;

    /// <summary>
    /// Validates the request's shape, rounds quantity down to the step size and price to the tick size, and checks minimum
    /// quantity and minimum notional. <paramref name="referencePrice"/> values MARKET orders given in base quantity.
    /// </summary>
    public static ExchangeResult<OrderRequest> Apply(SymbolInfo symbol, OrderRequest request, decimal? referencePrice)
    {
        if (!ClientOrderIds.IsValid(request.ClientOrderId))
            return Invalid("The client order id must be 1-36 characters of letters, digits, '-' or '_'.");
        if (!symbol.IsTrading)
            return ExchangeResult<OrderRequest>.Fail(ExchangeErrorKind.BadSymbol, $"{symbol.Symbol} is not trading (status {symbol.Status}).");

        switch (request.Type)
        {
            case OrderType.Market when request.QuoteQuantity is { } quote:
                if (request.Quantity is not null)
                    return Invalid("Give either a quantity or a quote quantity, not both.");
                if (quote <= 0)
                    return Invalid("The quote quantity must be positive.");
                var roundedQuote = RoundDown(quote, QuoteStep);
                if (roundedQuote < symbol.MinNotional)
                    return Filter($"Order value {roundedQuote.Text()} {symbol.QuoteAsset} is below the minimum notional {symbol.MinNotional.Text()} for {symbol.Symbol}.");
                return ExchangeResult<OrderRequest>.Ok(request with { QuoteQuantity = roundedQuote });

            case OrderType.Market:
                if (request.Quantity is not { } marketQty || marketQty <= 0)
                    return Invalid("A MARKET order needs a positive quantity or quote quantity.");
                if (request.Price is not null)
                    return Invalid("A MARKET order takes no price.");
                return CheckQuantity(symbol, request, marketQty, referencePrice);

            case OrderType.Limit:
                if (request.QuoteQuantity is not null)
                    return Invalid("A LIMIT order takes a quantity, not a quote quantity.");
                if (request.Quantity is not { } limitQty || limitQty <= 0)
                    return Invalid("A LIMIT order needs a positive quantity.");
                if (request.Price is not { } price || price <= 0)
                    return Invalid("A LIMIT order needs a positive price.");
                var roundedPrice = RoundToTick(price, symbol.TickSize);
                if (roundedPrice <= 0)
                    return Filter($"Price {price.Text()} rounds to zero with tick size {symbol.TickSize.Text()}.");
                return CheckQuantity(symbol, request with { Price = roundedPrice }, limitQty, roundedPrice);

            default:
                return Invalid($"Unsupported order type {request.Type}.");
        }
    }

    private static ExchangeResult<OrderRequest> CheckQuantity(SymbolInfo symbol, OrderRequest request, decimal quantity, decimal? price)
    {
        var rounded = RoundDown(quantity, symbol.StepSize);
        if (rounded <= 0 || rounded < symbol.MinQuantity)
            return Filter($"Quantity {quantity.Text()} rounds down to {rounded.Text()}, below the minimum {symbol.MinQuantity.Text()} {symbol.BaseAsset} for {symbol.Symbol}.");
        if (symbol.MaxQuantity > 0 && rounded > symbol.MaxQuantity)
            return Filter($"Quantity {rounded.Text()} is above the maximum {symbol.MaxQuantity.Text()} {symbol.BaseAsset} for {symbol.Symbol}.");
        if (price is { } p && rounded * p < symbol.MinNotional)
            return Filter($"Order value {(rounded * p).Text()} {symbol.QuoteAsset} is below the minimum notional {symbol.MinNotional.Text()} for {symbol.Symbol}.");
        return ExchangeResult<OrderRequest>.Ok(request with { Quantity = rounded });
    }

    // Quote amounts are sent with at most 8 decimals, like every Binance quantity.
    private const decimal QuoteStep = 0.00000001m;

    private static ExchangeResult<OrderRequest> Invalid(string message) => ExchangeResult<OrderRequest>.Fail(ExchangeErrorKind.InvalidRequest, message);

    private static ExchangeResult<OrderRequest> Filter(string message) => ExchangeResult<OrderRequest>.Fail(ExchangeErrorKind.FilterFailure, message, -1013);
}

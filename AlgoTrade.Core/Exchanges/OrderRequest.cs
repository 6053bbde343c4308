using AlgoTrade.Core.Trading;

namespace AlgoTrade.Core.Exchanges;

/// <summary>
/// A new order. MARKET orders give either <see cref="Quantity"/> (base asset) or <see cref="QuoteQuantity"/> (quote asset
/// to spend or receive); LIMIT orders give <see cref="Quantity"/> and <see cref="Price"/>, good till cancelled.
/// </summary>
public sealed record OrderRequest(
    string Symbol,
    OrderSide Side,
    OrderType Type,
    string ClientOrderId,
    decimal? Quantity = null,
    decimal? QuoteQuantity = null,
    decimal? Price = null)
{
    /// <summary>
    /// The price the fill model expects for this MARKET order (already worsened by its slippage). Paper and simulated
    /// exchanges fill there, so a paper bot trades exactly as its backtest; real exchanges ignore it.
    /// </summary>
    public decimal? ReferencePrice { get; init; }

    public static OrderRequest Market(string symbol, OrderSide side, decimal quantity, string clientOrderId) =>
        new(symbol, side, OrderType.Market, clientOrderId, Quantity: quantity);

    public static OrderRequest MarketByQuote(string symbol, OrderSide side, decimal quoteQuantity, string clientOrderId) =>
        new(symbol, side, OrderType.Market, clientOrderId, QuoteQuantity: quoteQuantity);

    public static OrderRequest Limit(string symbol, OrderSide side, decimal quantity, decimal price, string clientOrderId) =>
        new(symbol, side, OrderType.Limit, clientOrderId, Quantity: quantity, Price: price);
}

using AlgoTrade.Core.Exchanges;
using AlgoTrade.Core.Trading;

namespace AlgoTrade.Core.Domain;

/// <summary>An order a bot placed on the paper or simulated exchange (docs/data-model.md).</summary>
public class PaperOrder
{
    public long Id { get; set; }
    public int BotConfigId { get; set; }
    public string ExchangeName { get; set; } = ExchangeNames.Paper;
    public string ClientOrderId { get; set; } = "";
    public string Symbol { get; set; } = "";
    public OrderSide Side { get; set; } = OrderSide.Buy;
    public string OrderType { get; set; } = OrderTypes.Market;
    public OrderStatus Status { get; set; } = OrderStatus.New;
    /// <summary>Limit price; null for MARKET orders.</summary>
    public decimal? Price { get; set; }
    public decimal Quantity { get; set; }
    public decimal ExecutedQuantity { get; set; }
    public decimal CumulativeQuoteQuantity { get; set; }
    public decimal Commission { get; set; }
    public string CommissionAsset { get; set; } = "";
    /// <summary>What an open LIMIT order holds in the locked balance, released on fill or cancel.</summary>
    public decimal ReservedAmount { get; set; }
    public string? ReservedAsset { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public BotConfig? BotConfig { get; set; }
}

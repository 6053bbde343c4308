using AlgoTrade.Core.Trading;

namespace AlgoTrade.Core.Domain;

public class Trade
{
    public int Id { get; set; }
    public int BotConfigId { get; set; }
    public int UserId { get; set; }
    public string? BinanceOrderId { get; set; }
    public string Symbol { get; set; } = "";
    public OrderSide Side { get; set; } = OrderSide.Buy;
    public string OrderType { get; set; } = OrderTypes.Market;
    public decimal Price { get; set; }
    public decimal QuantityFilled { get; set; }
    public decimal QuoteQuantityFilled { get; set; }
    public decimal CommissionAmount { get; set; }
    public string? CommissionAsset { get; set; }
    public decimal? Pnl { get; set; }
    public string? EntryReason { get; set; }
    public string? ExitReason { get; set; }
    public DateTime Timestamp { get; set; }

    // Addition to the seed (docs/data-model.md).
    public string? ClientOrderId { get; set; }

    public BotConfig? BotConfig { get; set; }
}

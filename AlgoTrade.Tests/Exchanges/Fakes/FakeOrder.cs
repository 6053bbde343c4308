namespace AlgoTrade.Tests.Exchanges.Fakes;

public sealed class FakeOrder
{
    public long OrderId { get; init; }
    public string ApiKey { get; init; } = "";
    public string Symbol { get; init; } = "";
    public string ClientOrderId { get; init; } = "";
    public string Side { get; init; } = "";
    public string Type { get; init; } = "";
    public decimal Price { get; init; }
    public decimal Quantity { get; set; }
    public decimal ExecutedQuantity { get; set; }
    public decimal QuoteQuantity { get; set; }
    public string Status { get; set; } = "NEW";
    public decimal FillPrice { get; set; }
    public decimal Commission { get; set; }
    public string CommissionAsset { get; set; } = "";
    public long Time { get; init; }
}

namespace AlgoTrade.Core.Exchanges;

public sealed record OrderFill(decimal Price, decimal Quantity, decimal Commission, string CommissionAsset);

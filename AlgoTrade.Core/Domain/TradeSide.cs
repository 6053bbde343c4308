namespace AlgoTrade.Core.Domain;

public static class TradeSide
{
    public const string Buy = "BUY";
    public const string Sell = "SELL";
}

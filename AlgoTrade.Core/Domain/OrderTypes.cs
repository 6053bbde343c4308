namespace AlgoTrade.Core.Domain;

public static class OrderTypes
{
    public const string Market = "MARKET";
    public const string Limit = "LIMIT";
}

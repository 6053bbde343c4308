namespace AlgoTrade.Core.Exchanges;

public enum OrderType
{
    Market,
    Limit,
}

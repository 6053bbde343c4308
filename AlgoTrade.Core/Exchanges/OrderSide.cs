namespace AlgoTrade.Core.Exchanges;

public enum OrderSide
{
    Buy,
    Sell,
}

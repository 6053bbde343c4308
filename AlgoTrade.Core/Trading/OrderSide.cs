namespace AlgoTrade.Core.Trading;

public enum OrderSide : byte
{
    Buy,
    Sell,
}

namespace AlgoTrade.Core.Exchanges;

public sealed record Balance(string Asset, decimal Free, decimal Locked)
{
    public decimal Total => Free + Locked;
}

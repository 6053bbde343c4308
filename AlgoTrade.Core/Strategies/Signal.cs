namespace AlgoTrade.Core.Strategies;

public enum Signal : byte
{
    None,
    Enter,
    Exit,
}

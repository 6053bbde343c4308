namespace AlgoTrade.Core.Strategies;

public enum ParameterKind
{
    Integer,
    Decimal,
}

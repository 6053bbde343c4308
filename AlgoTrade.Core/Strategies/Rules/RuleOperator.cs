namespace AlgoTrade.Core.Strategies.Rules;

public enum RuleOperator
{
    GreaterThan,
    GreaterOrEqual,
    LessThan,
    LessOrEqual,
    CrossesAbove,
    CrossesBelow,
    Rising,
    Falling,
}

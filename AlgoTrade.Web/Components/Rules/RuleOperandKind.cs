namespace AlgoTrade.Web.Components.Rules;

public enum RuleOperandKind
{
    Number,
    Price,
    Indicator,
}

namespace AlgoTrade.Core.Strategies.Rules;

public enum RuleGroupKind
{
    /// <summary>Every condition holds.</summary>
    All,

    /// <summary>At least one condition holds.</summary>
    Any,
}

namespace AlgoTrade.Core.Strategies.Rules;

/// <summary>One side of a comparison: a number, a price field or an indicator output, optionally shifted back.</summary>
public abstract record RuleOperand;

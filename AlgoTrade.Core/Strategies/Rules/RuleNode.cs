namespace AlgoTrade.Core.Strategies.Rules;

/// <summary>A condition of a rule document: a group, a negation or a comparison.</summary>
public abstract record RuleNode;

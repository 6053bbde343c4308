namespace AlgoTrade.Core.Strategies.Rules;

public sealed record RuleNot(RuleNode Inner) : RuleNode;

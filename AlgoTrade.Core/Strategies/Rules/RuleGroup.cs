namespace AlgoTrade.Core.Strategies.Rules;

public sealed record RuleGroup(RuleGroupKind Kind, IReadOnlyList<RuleNode> Items) : RuleNode;

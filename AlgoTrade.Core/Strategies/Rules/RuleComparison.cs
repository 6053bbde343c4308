namespace AlgoTrade.Core.Strategies.Rules;

/// <summary>
/// <c>left op right</c>, or for <see cref="RuleOperator.Rising"/>/<see cref="RuleOperator.Falling"/> <c>left</c>
/// over <see cref="Over"/> candles (then <see cref="Right"/> is null).
/// </summary>
public sealed record RuleComparison(RuleOperand Left, RuleOperator Operator, RuleOperand? Right, int Over = 0) : RuleNode;

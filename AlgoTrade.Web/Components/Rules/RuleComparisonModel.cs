using AlgoTrade.Core.Strategies.Rules;

namespace AlgoTrade.Web.Components.Rules;

/// <summary>
/// <c>left op right</c>, or <c>left</c> rising/falling over <see cref="Over"/> candles. The right side and
/// <see cref="Over"/> are both kept, so switching the operator back and forth loses nothing.
/// </summary>
public sealed class RuleComparisonModel : RuleNodeModel
{
    public const int DefaultOver = 3;

    public RuleOperandModel Left { get; set; } = RuleOperandModel.OfIndicator(RuleIndicators.Rsi);
    public RuleOperator Operator { get; set; } = RuleOperator.LessThan;
    public RuleOperandModel Right { get; set; } = RuleOperandModel.OfNumber(70);
    public int Over { get; set; } = DefaultOver;

    public bool IsUnary => RuleOperators.IsUnary(Operator);

    public static RuleComparisonModel From(RuleComparison c) => new()
    {
        Left = RuleOperandModel.From(c.Left),
        Operator = c.Operator,
        Right = c.Right is null ? RuleOperandModel.OfNumber(0) : RuleOperandModel.From(c.Right),
        Over = RuleOperators.IsUnary(c.Operator) ? c.Over : DefaultOver,
    };

    public override RuleNode ToNode() => IsUnary
        ? new RuleComparison(Left.ToOperand(), Operator, null, Over)
        : new RuleComparison(Left.ToOperand(), Operator, Right.ToOperand());
}

namespace AlgoTrade.Core.Strategies.Rules.Evaluation;

internal sealed class NotCondition(RuleCondition inner) : RuleCondition
{
    public override bool Evaluate() => !inner.Evaluate();
}

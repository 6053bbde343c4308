namespace AlgoTrade.Core.Strategies.Rules.Evaluation;

internal sealed class AnyCondition(RuleCondition[] items) : RuleCondition
{
    public override bool Evaluate()
    {
        foreach (var item in items)
            if (item.Evaluate()) return true;
        return false;
    }
}

namespace AlgoTrade.Core.Strategies.Rules.Evaluation;

internal sealed class AllCondition(RuleCondition[] items) : RuleCondition
{
    public override bool Evaluate()
    {
        foreach (var item in items)
            if (!item.Evaluate()) return false;
        return true;
    }
}

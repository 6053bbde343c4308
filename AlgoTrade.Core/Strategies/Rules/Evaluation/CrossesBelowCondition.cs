namespace AlgoTrade.Core.Strategies.Rules.Evaluation;

/// <summary>left[t−1] ≥ right[t−1] and left[t] &lt; right[t].</summary>
internal sealed class CrossesBelowCondition(RuleSeries a, int sa, RuleSeries b, int sb) : RuleCondition
{
    public override bool Evaluate() => a.At(sa) < b.At(sb) && a.At(sa + 1) >= b.At(sb + 1);
}

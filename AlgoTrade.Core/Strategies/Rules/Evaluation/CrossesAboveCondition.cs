namespace AlgoTrade.Core.Strategies.Rules.Evaluation;

/// <summary>left[t−1] ≤ right[t−1] and left[t] &gt; right[t]: the built-in strategies' definition of a cross.</summary>
internal sealed class CrossesAboveCondition(RuleSeries a, int sa, RuleSeries b, int sb) : RuleCondition
{
    public override bool Evaluate() => a.At(sa) > b.At(sb) && a.At(sa + 1) <= b.At(sb + 1);
}

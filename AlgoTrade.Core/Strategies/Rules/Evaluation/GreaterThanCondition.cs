namespace AlgoTrade.Core.Strategies.Rules.Evaluation;

/// <summary>left[t] > right[t] (each at its own shift); false when either is undefined (NaN).</summary>
internal sealed class GreaterThanCondition(RuleSeries a, int sa, RuleSeries b, int sb) : RuleCondition
{
    public override bool Evaluate() => a.At(sa) > b.At(sb);
}

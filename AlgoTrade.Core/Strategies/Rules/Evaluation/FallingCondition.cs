namespace AlgoTrade.Core.Strategies.Rules.Evaluation;

/// <summary>x[t] is below each of x[t−1] … x[t−N] (TradingView's ta.falling).</summary>
internal sealed class FallingCondition(RuleSeries a, int sa, int over) : RuleCondition
{
    public override bool Evaluate()
    {
        var now = a.At(sa);
        for (var k = 1; k <= over; k++)
            if (!(now < a.At(sa + k))) return false;
        return true;
    }
}

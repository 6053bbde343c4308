namespace AlgoTrade.Core.Strategies.Rules.Evaluation;

/// <summary>A compiled condition, evaluated once per candle after every series captured its value.</summary>
internal abstract class RuleCondition
{
    public abstract bool Evaluate();
}

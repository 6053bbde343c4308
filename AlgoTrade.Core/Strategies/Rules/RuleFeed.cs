using AlgoTrade.Core.Market;

namespace AlgoTrade.Core.Strategies.Rules;

/// <summary>
/// One indicator instance inside a compiled rule strategy: fed each closed candle once, read through its outputs
/// (in the order of <see cref="RuleIndicator.Outputs"/>). Values before <see cref="WarmUpPeriod"/> candles are
/// meaningless and never read.
/// </summary>
public abstract class RuleFeed
{
    /// <summary>Candles fed before every output has a value.</summary>
    public abstract int WarmUpPeriod { get; }

    public abstract void Update(in Candle candle);

    public abstract double Output(int index);

    public abstract void Reset();
}

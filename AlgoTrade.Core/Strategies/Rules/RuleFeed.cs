using AlgoTrade.Core.Market;

namespace AlgoTrade.Core.Strategies.Rules;

/// <summary>
/// One indicator instance inside a compiled rule strategy: fed each closed candle once, after which
/// <see cref="Output"/> i holds output i (in the order of <see cref="RuleIndicator.Outputs"/>). The outputs live in
/// a plain array so the series that read them need no virtual call. Values before <see cref="WarmUpPeriod"/>
/// candles are meaningless and never read.
/// </summary>
public abstract class RuleFeed
{
    protected RuleFeed(int outputs) => Values = new double[outputs];

    /// <summary>The current outputs; written by <see cref="Update"/>.</summary>
    protected internal double[] Values { get; }

    /// <summary>
    /// Bit i set = output i is read. A compiled rule strategy clears the outputs no condition reads, so a feed may
    /// skip writing them (a store of a value just computed is not free on the hot path); on its own, a feed writes all.
    /// </summary>
    internal int ReadOutputs { get; set; } = -1;

    /// <summary>Candles fed before every output has a value.</summary>
    public abstract int WarmUpPeriod { get; }

    public abstract void Update(in Candle candle);

    public double Output(int index) => Values[index];

    public abstract void Reset();
}

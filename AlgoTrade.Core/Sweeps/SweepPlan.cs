using AlgoTrade.Core.Backtesting;
using AlgoTrade.Core.Market;

namespace AlgoTrade.Core.Sweeps;

/// <summary>A validated sweep: its definition, the resolved target of each dimension and its points.</summary>
public sealed class SweepPlan
{
    internal SweepPlan(SweepDefinition definition, IReadOnlyList<SweepTarget> targets, SweepSpace space)
    {
        Definition = definition;
        Targets = targets;
        Space = space;
        Timeframe = Timeframe.Parse(definition.BaseConfig.Timeframe);
    }

    public SweepDefinition Definition { get; }

    /// <summary>One per dimension, in the definition's order.</summary>
    public IReadOnlyList<SweepTarget> Targets { get; }

    public SweepSpace Space { get; }
    public Timeframe Timeframe { get; }
    public long Count => Space.Count;

    public BacktestConfig ConfigFor(IReadOnlyList<decimal> values) => SweepPointConfig.Apply(Definition.BaseConfig, Targets, values);

    public BacktestConfig ConfigFor(long index) => ConfigFor(Space.Point(index));
}

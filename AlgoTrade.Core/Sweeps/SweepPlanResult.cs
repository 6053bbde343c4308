namespace AlgoTrade.Core.Sweeps;

/// <summary>Either a plan or every problem with the definition, keyed by field (<c>dimensions[1].max</c>, <c>base_config.symbol</c>).</summary>
public sealed record SweepPlanResult(SweepPlan? Plan, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool IsValid => Plan is not null;
}

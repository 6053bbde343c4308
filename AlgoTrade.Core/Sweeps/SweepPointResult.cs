namespace AlgoTrade.Core.Sweeps;

/// <summary>
/// The outcome of one point: its values (one per dimension), in-sample and out-of-sample metrics and objective
/// scores, and whether it meets the constraints. A point whose config is invalid (e.g. a fast period not below the
/// slow one) has no metrics and says why in <see cref="Note"/>.
/// </summary>
public sealed record SweepPointResult
{
    public long PointIndex { get; init; }
    public IReadOnlyList<decimal> Values { get; init; } = [];
    public SweepMetrics? InSample { get; init; }
    public SweepMetrics? OutOfSample { get; init; }
    public double? InSampleScore { get; init; }
    public double? OutOfSampleScore { get; init; }
    public bool MeetsConstraints { get; init; }
    public string? Note { get; init; }

    /// <summary>Can be the sweep's best: valid, meets the constraints and has an in-sample score.</summary>
    public bool Qualifies => MeetsConstraints && InSampleScore is not null;
}

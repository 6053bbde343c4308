namespace AlgoTrade.Core.Sweeps;

/// <summary>One row of the results table.</summary>
public sealed record SweepEvaluationRow(
    long PointIndex, IReadOnlyDictionary<string, decimal> Params, double? InSampleScore, double? OutOfSampleScore,
    SweepMetrics? InSample, SweepMetrics? OutOfSample, bool MeetsConstraints, string? Note);

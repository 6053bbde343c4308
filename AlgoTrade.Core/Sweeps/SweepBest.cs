namespace AlgoTrade.Core.Sweeps;

/// <summary>The best point so far, as <c>sweeps.best</c> holds it.</summary>
public sealed record SweepBest(long PointIndex, IReadOnlyDictionary<string, decimal> Params, double? InSampleScore, double? OutOfSampleScore);

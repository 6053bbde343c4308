namespace AlgoTrade.Core.Sweeps;

public sealed class SweepOptions
{
    public const string Section = "Sweeps";

    /// <summary>Points one sweep may evaluate (grid combinations or random samples); a cap per user and sweep.</summary>
    public long MaxEvaluationsPerSweep { get; set; } = 100_000;

    /// <summary>Sweeps one user may have pending or running at once.</summary>
    public int MaxActiveSweepsPerUser { get; set; } = 2;

    /// <summary>Points per work item: small enough that a node dying loses little, large enough to amortise a claim.</summary>
    public int ChunkSize { get; set; } = 250;

    /// <summary>Cores a node gives one chunk; 0 = all.</summary>
    public int MaxParallelism { get; set; }
}

using AlgoTrade.Core.Exchanges.Simulated;

namespace AlgoTrade.Core.Sweeps;

/// <summary>
/// The batches of a refinement (TPE) sweep: batch 0 is the initial random points [0, initial); batch k &gt; 0 is the
/// next <see cref="SweepDefinition.BatchSize"/> points (the last one what is left of the budget). A batch is proposed
/// when the previous one is complete, from every finished point, by the transaction that stores the batch's last
/// chunk; so the proposals never depend on which node ran which chunk or in what order.
/// </summary>
public static class SweepRefinement
{
    /// <summary>True when <paramref name="evaluated"/> points complete a batch and the budget is not spent yet.</summary>
    public static bool NeedsNextBatch(SweepDefinition definition, long evaluated, long total)
    {
        if (definition.Search != SweepSearch.Tpe || evaluated >= total) return false;
        var initial = definition.InitialSamples ?? 0;
        var batch = Math.Max(1, definition.BatchSize ?? 1);
        return evaluated == initial || (evaluated > initial && (evaluated - initial) % batch == 0);
    }

    /// <summary>
    /// The next batch's points (values per dimension) from the finished points; one that misses a constraint or has
    /// no in-sample score counts as bad. Seeded by the sweep's seed and the batch's first index.
    /// </summary>
    public static List<decimal[]> NextBatch(SweepPlan plan, IReadOnlyList<SweepPointResult> finished)
    {
        var definition = plan.Definition;
        var space = plan.Space;
        var count = (int)Math.Min(definition.BatchSize ?? 1, plan.Count - finished.Count);
        var observed = new List<(int[] Point, double? Score)>(finished.Count);
        foreach (var f in finished.OrderBy(f => f.PointIndex))
        {
            var indices = space.GridIndices(f.Values)
                ?? throw new InvalidOperationException($"Point {f.PointIndex} is not on the sweep's grid.");
            observed.Add((indices, f.Qualifies ? f.InSampleScore : null));
        }
        var seed = SplitMix64.Mix((ulong)(uint)definition.Seed, (ulong)finished.Count);
        return [.. SweepTpe.Propose(space.GridPositions(), observed, count, seed).Select(space.Values)];
    }
}

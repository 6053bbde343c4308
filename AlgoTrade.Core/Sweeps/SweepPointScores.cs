using AlgoTrade.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace AlgoTrade.Core.Sweeps;

/// <summary>Stored evaluations as the points and in-sample scores that the heatmap, importance and refinement read.</summary>
internal static class SweepPointScores
{
    public static async Task<List<SweepPointResult>> ReadAsync(IQueryable<SweepEvaluation> evaluations, IReadOnlyList<SweepTarget> targets, CancellationToken ct)
    {
        var rows = await evaluations.AsNoTracking()
            .Select(e => new { e.PointIndex, e.Params, e.InSampleScore, e.MeetsConstraints }).ToListAsync(ct);
        return [.. rows.Select(r => new SweepPointResult
        {
            PointIndex = r.PointIndex,
            Values = SweepJson.ReadValues(r.Params, targets),
            InSampleScore = r.InSampleScore,
            MeetsConstraints = r.MeetsConstraints,
        })];
    }
}

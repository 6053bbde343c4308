namespace AlgoTrade.Core.Sweeps;

/// <summary>
/// Parameter importance as the correlation ratio η² of the in-sample objective on each parameter: the share of the
/// objective's variance explained by grouping the points by that parameter's value
/// (Σ groups n·(group mean − mean)² / Σ points (score − mean)²). 0 = the parameter does not move the objective,
/// 1 = it alone decides it. Points without a score are left out. Meaningful for grids and lists; for a continuous
/// random range every value is its own group, so η² is 1 by construction and the page says so.
/// </summary>
public static class SweepImportance
{
    public static double?[] Compute(IReadOnlyList<SweepPointResult> evaluations, int dimensions)
    {
        var scored = evaluations.Where(e => e.InSampleScore is not null).ToList();
        var result = new double?[dimensions];
        if (scored.Count < 2) return result;
        var mean = scored.Average(e => e.InSampleScore!.Value);
        var total = scored.Sum(e => Square(e.InSampleScore!.Value - mean));
        if (total <= 0) return result;
        for (var d = 0; d < dimensions; d++)
        {
            var between = scored
                .GroupBy(e => e.Values[d])
                .Sum(g => g.Count() * Square(g.Average(e => e.InSampleScore!.Value) - mean));
            result[d] = between / total;
        }
        return result;
    }

    private static double Square(double x) => x * x;
}

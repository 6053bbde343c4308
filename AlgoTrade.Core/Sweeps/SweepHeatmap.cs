namespace AlgoTrade.Core.Sweeps;

/// <summary>The objective over two parameters: per (x, y) pair the best in-sample score of the points with those values.</summary>
public static class SweepHeatmap
{
    public static IReadOnlyList<SweepHeatmapCell> Compute(IEnumerable<SweepPointResult> points, int x, int y) =>
        [.. points
            .GroupBy(p => (X: p.Values[x], Y: p.Values[y]))
            .Select(g => new SweepHeatmapCell(g.Key.X, g.Key.Y, g.Max(p => p.InSampleScore), g.Count()))
            .OrderBy(c => c.Y).ThenBy(c => c.X)];
}

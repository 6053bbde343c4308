using AlgoTrade.Core.Exchanges.Simulated;

namespace AlgoTrade.Core.Sweeps;

/// <summary>
/// The proposal step of a refinement sweep, a tree-structured Parzen estimator (TPE, Bergstra et al. 2011) over the
/// grid values of each dimension. The finished points are split by the in-sample score: the best
/// <see cref="GoodFraction"/> of them (at most <see cref="MaxGood"/>, only qualifying ones) are "good", the rest and
/// every point that misses a constraint or has no score are "bad". Per dimension, l(x) and g(x) are Parzen-window (Gaussian kernel) densities of the good and
/// the bad points over that dimension's grid values (positions scaled to 0–1, so a list in any order works), each
/// mixed with a uniform prior worth one point. Candidates are drawn from l; the one with the highest
/// Σ log l(x) − log g(x) that was never evaluated nor proposed is taken. Everything draws from a generator seeded by
/// the caller, so the same finished points and seed always give the same proposals.
/// </summary>
public static class SweepTpe
{
    /// <summary>Share of the finished points that are "good" (Optuna's default split: 10 %, at most <see cref="MaxGood"/>).</summary>
    public const double GoodFraction = 0.1;

    public const int MaxGood = 25;

    /// <summary>Candidates drawn from l(x) for each proposed point.</summary>
    public const int Candidates = 24;

    // Uniform draws tried before the unseen points are enumerated (only when almost the whole grid is taken).
    private const int RandomTries = 10_000;

    /// <summary>
    /// <paramref name="count"/> distinct grid points (one index per dimension into <paramref name="positions"/>)
    /// not among <paramref name="observed"/>. A null score is a bad point. With no qualifying point yet the proposals
    /// are uniform (nothing to refine towards).
    /// </summary>
    /// <param name="positions">Per dimension, each grid value's position in 0–1 (value − min) / (max − min).</param>
    public static List<int[]> Propose(IReadOnlyList<double[]> positions, IReadOnlyList<(int[] Point, double? Score)> observed, int count, ulong seed)
    {
        var random = new SplitMix64(seed);
        var seen = new HashSet<string>(observed.Select(o => Key(o.Point)), StringComparer.Ordinal);
        var proposals = new List<int[]>(count);
        var qualifying = observed.Where(o => o.Score is not null).OrderByDescending(o => o.Score!.Value).ToList();
        if (qualifying.Count == 0)
        {
            while (proposals.Count < count)
            {
                var point = Unseen(positions, seen, ref random);
                seen.Add(Key(point));
                proposals.Add(point);
            }
            return proposals;
        }

        var goodCount = Math.Clamp(Math.Min((int)Math.Ceiling(GoodFraction * observed.Count), MaxGood), 1, qualifying.Count);
        var good = qualifying.Take(goodCount).Select(o => o.Point).ToList();
        var bad = qualifying.Skip(goodCount).Select(o => o.Point).Concat(observed.Where(o => o.Score is null).Select(o => o.Point)).ToList();
        var l = new double[positions.Count][];
        var lCumulative = new double[positions.Count][];
        var g = new double[positions.Count][];
        for (var d = 0; d < positions.Count; d++)
        {
            l[d] = Density(positions[d], good, d);
            g[d] = Density(positions[d], bad, d);
            lCumulative[d] = Cumulative(l[d]);
        }

        var candidate = new int[positions.Count];
        while (proposals.Count < count)
        {
            int[]? best = null;
            var bestScore = double.NegativeInfinity;
            for (var c = 0; c < Candidates; c++)
            {
                var score = 0.0;
                for (var d = 0; d < positions.Count; d++)
                {
                    var k = Draw(lCumulative[d], random.NextDouble());
                    candidate[d] = k;
                    score += Math.Log(l[d][k]) - Math.Log(g[d][k]);
                }
                if (score > bestScore && !seen.Contains(Key(candidate)))
                {
                    best = (int[])candidate.Clone();
                    bestScore = score;
                }
            }
            best ??= Unseen(positions, seen, ref random);
            seen.Add(Key(best));
            proposals.Add(best);
        }
        return proposals;
    }

    /// <summary><paramref name="count"/> distinct grid points drawn uniformly (the initial batch); needs count ≤ the number of combinations.</summary>
    public static List<int[]> Uniform(IReadOnlyList<double[]> positions, int count, ulong seed)
    {
        var random = new SplitMix64(seed);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var points = new List<int[]>(count);
        while (points.Count < count)
        {
            var point = Unseen(positions, seen, ref random);
            seen.Add(Key(point));
            points.Add(point);
        }
        return points;
    }

    /// <summary>Positions of a dimension's grid values in 0–1, for <see cref="Propose"/>.</summary>
    public static double[] Positions(IReadOnlyList<decimal> values)
    {
        var min = values.Min();
        var max = values.Max();
        return [.. values.Select(v => max == min ? 0.5 : (double)((v - min) / (max - min)))];
    }

    /// <summary>
    /// Parzen window over the grid values: a Gaussian kernel on each point's position with a bandwidth from the spread
    /// of the points (Silverman-like, never narrower than half a grid step), plus a uniform prior worth one point.
    /// </summary>
    private static double[] Density(double[] positions, List<int[]> points, int dimension)
    {
        var k = positions.Length;
        var density = new double[k];
        Array.Fill(density, 1.0 / k);
        if (points.Count == 0) return density;

        var counts = new Dictionary<int, int>();
        double sum = 0, sumSquares = 0;
        foreach (var p in points)
        {
            var x = p[dimension];
            counts[x] = counts.GetValueOrDefault(x) + 1;
            sum += positions[x];
            sumSquares += positions[x] * positions[x];
        }
        var n = points.Count;
        var mean = sum / n;
        var sigma = n > 1 ? Math.Sqrt(Math.Max(0, sumSquares / n - mean * mean)) : 0.25;
        // Optuna's "magic clip": never narrower than range / min(100, 1 + n), so a few good points do not collapse the search.
        var bandwidth = Math.Max(1.06 * sigma * Math.Pow(n, -0.2), Math.Max(1.0 / Math.Min(100, 1 + n), 0.5 / Math.Max(1, k - 1)));

        var kernel = new double[k];
        foreach (var (x, c) in counts.OrderBy(e => e.Key))
        {
            double total = 0;
            for (var i = 0; i < k; i++)
            {
                var z = (positions[i] - positions[x]) / bandwidth;
                kernel[i] = Math.Exp(-0.5 * z * z);
                total += kernel[i];
            }
            // Each point adds a weight of 1 spread over the grid values.
            for (var i = 0; i < k; i++) density[i] += c * kernel[i] / total;
        }
        var norm = density.Sum();
        for (var i = 0; i < k; i++) density[i] /= norm;
        return density;
    }

    private static double[] Cumulative(double[] density)
    {
        var cumulative = new double[density.Length];
        double total = 0;
        for (var i = 0; i < density.Length; i++) cumulative[i] = total += density[i];
        return cumulative;
    }

    private static int Draw(double[] cumulative, double u)
    {
        var target = u * cumulative[^1];
        var index = Array.BinarySearch(cumulative, target);
        index = index >= 0 ? index : ~index;
        return Math.Min(index, cumulative.Length - 1);
    }

    private static int[] Unseen(IReadOnlyList<double[]> positions, HashSet<string> seen, ref SplitMix64 random)
    {
        var point = new int[positions.Count];
        for (var attempt = 0; attempt < RandomTries; attempt++)
        {
            for (var d = 0; d < point.Length; d++) point[d] = (int)(random.Next() % (ulong)positions[d].Length);
            if (!seen.Contains(Key(point))) return point;
        }
        // Nearly the whole grid is taken (the budget never exceeds it): the first unseen one from a random start.
        var total = positions.Aggregate(1L, (p, d) => checked(p * d.Length));
        var start = (long)(random.Next() % (ulong)total);
        for (long i = 0; i < total; i++)
        {
            var rest = (start + i) % total;
            for (var d = point.Length - 1; d >= 0; d--)
            {
                point[d] = (int)(rest % positions[d].Length);
                rest /= positions[d].Length;
            }
            if (!seen.Contains(Key(point))) return point;
        }
        throw new InvalidOperationException("Every grid point has been evaluated; the budget cannot exceed the number of combinations.");
    }

    private static string Key(int[] point) => string.Join(',', point);
}

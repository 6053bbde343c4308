using System.Globalization;
using AlgoTrade.Core.Sweeps;

namespace AlgoTrade.Benchmarks;

/// <summary>
/// <c>sweep-tpe</c> command: how close a 100-point refinement (TPE: 25 random, then batches of 10) and 100 distinct
/// random points get to the best of <see cref="SweepBenchmark"/>'s 1,000-point grid and of a 16,606-point grid over
/// the same ranges, on real backtests (in-sample Sharpe, at least 5 trades), over 20 seeds each. The whole grid is evaluated once; both searches read its results,
/// which are what they would compute (evaluation is deterministic). A quality comparison, not a timing.
/// </summary>
public static class SweepRefinementComparison
{
    private const int Budget = 100, Initial = 25, Batch = 10, Seeds = 20;

    public static void Run()
    {
        var coarse = SweepBenchmark.Definition() with { MinTrades = 5 };
        Compare(coarse);
        // The same ranges on a finer grid (46 × 19 × 19 = 16,606 points): the budget covers 0.6 % of it instead of 10 %.
        Compare(coarse with
        {
            Dimensions =
            [
                new() { Target = "strategy_params.ema_fast", Min = 5, Max = 50, Step = 1 },
                new() { Target = "strategy_params.ema_slow", Min = 60, Max = 150, Step = 5 },
                new() { Target = SweepTargets.StopLoss, Min = 1, Max = 10, Step = 0.5m },
            ],
        });
    }

    private static void Compare(SweepDefinition grid)
    {
        var gridPlan = SweepPlanner.Plan(grid, 100_000).Plan ?? throw new InvalidOperationException("benchmark sweep is invalid");
        var data = SweepData.Prepare(grid, SweepBenchmark.HourlyYear());
        var all = SweepEvaluator.Evaluate(gridPlan, data, 0, (int)gridPlan.Count, SweepBenchmark.Cores);
        var byValues = all.ToDictionary(r => Key(r.Values), StringComparer.Ordinal);
        var ranked = all.Where(r => r.Qualifies).Select(r => r.InSampleScore!.Value).OrderDescending().ToArray();
        double Rank(double score) => Array.FindIndex(ranked, s => s <= score) + 1;

        var tpeBest = new double[Seeds];
        var randomBest = new double[Seeds];
        for (var seed = 0; seed < Seeds; seed++)
        {
            var tpe = SweepPlanner.Plan(grid with { Search = SweepSearch.Tpe, Samples = Budget, InitialSamples = Initial, BatchSize = Batch, Seed = seed }, 100_000).Plan
                ?? throw new InvalidOperationException("refinement is invalid");
            var finished = Enumerable.Range(0, Initial).Select(i => Lookup(tpe.Space.Point(i), i)).ToList();
            while (finished.Count < Budget)
                finished.AddRange(SweepRefinement.NextBatch(tpe, finished).Select((values, i) => Lookup(values, finished.Count + i)));
            tpeBest[seed] = Best(finished);

            var positions = tpe.Space.GridPositions();
            var random = SweepTpe.Uniform(positions, Budget, (ulong)seed + 1_000_000).Select((p, i) => Lookup(tpe.Space.Values(p), i)).ToList();
            randomBest[seed] = Best(random);
        }

        var wins = Enumerable.Range(0, Seeds).Count(s => tpeBest[s] > randomBest[s]);
        var ties = Enumerable.Range(0, Seeds).Count(s => tpeBest[s] == randomBest[s]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"grid: {gridPlan.Count:N0} points, {ranked.Length} qualify, best in-sample Sharpe {ranked[0]:0.###}; budget {Budget} per search, {Seeds} seeds"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"TPE ({Initial} random + batches of {Batch}): best found mean {tpeBest.Average():0.###}, median {Median(tpeBest):0.###}, mean rank {tpeBest.Average(Rank):0.0}, grid optimum found in {tpeBest.Count(b => b == ranked[0])}/{Seeds}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"random ({Budget} distinct points): best found mean {randomBest.Average():0.###}, median {Median(randomBest):0.###}, mean rank {randomBest.Average(Rank):0.0}, grid optimum found in {randomBest.Count(b => b == ranked[0])}/{Seeds}"));
        Console.WriteLine($"TPE better in {wins}/{Seeds} seeds, equal in {ties}");

        SweepPointResult Lookup(IReadOnlyList<decimal> values, int index) => byValues[Key(values)] with { PointIndex = index };
    }

    private static double Best(IEnumerable<SweepPointResult> points) => points.Where(p => p.Qualifies).Select(p => p.InSampleScore!.Value).DefaultIfEmpty(double.NaN).Max();

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        return (sorted[sorted.Length / 2] + sorted[(sorted.Length - 1) / 2]) / 2;
    }

    private static string Key(IReadOnlyList<decimal> values) => string.Join(",", values.Select(v => v.ToString(CultureInfo.InvariantCulture)));
}

using System.Globalization;
using AlgoTrade.Core.Sweeps;
using Xunit.Abstractions;
using static AlgoTrade.Tests.Core.Sweeps.SweepTestData;

namespace AlgoTrade.Tests.Core.Sweeps;

/// <summary>The refinement's proposal step (<see cref="SweepTpe"/>) and its validation, without a database.</summary>
public class SweepTpeTests(ITestOutputHelper output)
{
    private static double[] Axis(int values) => SweepTpe.Positions([.. Enumerable.Range(0, values).Select(v => (decimal)v)]);

    private static string Key(int[] p) => string.Join(',', p);

    [Fact]
    public void The_same_finished_points_and_seed_give_the_same_proposals_and_another_seed_other_ones()
    {
        var positions = new[] { Axis(30), Axis(30) };
        var observed = SweepTpe.Uniform(positions, 20, 5).Select(p => (p, (double?)-Math.Abs(p[0] - 20) - Math.Abs(p[1] - 7))).ToList();

        var first = SweepTpe.Propose(positions, observed, 10, 42);
        var again = SweepTpe.Propose(positions, observed, 10, 42);
        var other = SweepTpe.Propose(positions, observed, 10, 43);

        Assert.Equal(first.Select(Key), again.Select(Key));
        Assert.NotEqual(first.Select(Key), other.Select(Key));
        Assert.Equal(SweepTpe.Uniform(positions, 20, 5).Select(Key), observed.Select(o => Key(o.p)));
    }

    [Fact]
    public void Proposals_are_never_a_finished_point_nor_each_other_even_when_they_take_the_rest_of_the_grid()
    {
        var positions = new[] { Axis(5), Axis(5) };
        var observed = SweepTpe.Uniform(positions, 20, 9).Select((p, i) => (p, (double?)i)).ToList();

        var proposals = SweepTpe.Propose(positions, observed, 5, 1);

        var all = observed.Select(o => Key(o.p)).Concat(proposals.Select(Key)).ToList();
        Assert.Equal(25, all.Distinct().Count());
    }

    [Fact]
    public void Points_that_miss_a_constraint_count_as_bad_however_high_they_would_score()
    {
        // One dimension of 100 values: 10–19 would score highest (100) but miss a constraint, so they have no score as far
        // as the ranking goes; elsewhere the score falls with the distance from 85.
        var positions = new[] { Axis(100) };
        var observed = new List<(int[] Point, double? Score)>();
        for (var x = 0; x < 100; x += 3)
            observed.Add(([x], x is >= 10 and < 20 ? null : -Math.Abs(x - 85)));

        var proposals = SweepTpe.Propose(positions, observed, 20, 7);

        Assert.All(proposals, p => Assert.False(p[0] is >= 10 and < 20, $"proposed {p[0]} in the constraint-failing region"));
        // Most go next to the best qualifying points; the 20 proposals use up that neighbourhood's unseen values, so a few spread out.
        Assert.True(proposals.Count(p => p[0] >= 70) >= 14, string.Join(" ", proposals.Select(p => p[0])));
        Assert.All(proposals.Take(5), p => Assert.True(p[0] >= 70, $"early proposal {p[0]} away from the best qualifying points"));
    }

    [Fact]
    public void With_no_qualifying_point_yet_it_proposes_distinct_unseen_points()
    {
        var positions = new[] { Axis(10), Axis(10) };
        var observed = SweepTpe.Uniform(positions, 10, 3).Select(p => (p, (double?)null)).ToList();

        var proposals = SweepTpe.Propose(positions, observed, 30, 3);

        Assert.Equal(40, observed.Select(o => Key(o.p)).Concat(proposals.Select(Key)).Distinct().Count());
    }

    /// <summary>
    /// A synthetic objective on a 3-parameter grid (40 × 40 × 40 = 64,000 points), one smooth peak at (31, 8, 22) and
    /// a constraint that fails a slab of the grid. Over 20 seeds, a budget of 150 points (30 random, then batches of
    /// 10) refined by TPE ends closer to the optimum than random search with the same budget: lower mean regret, and
    /// better in most seeds. The figures are printed (docs/optimisation.md quotes them).
    /// </summary>
    [Fact]
    public void Refinement_gets_closer_to_a_known_optimum_than_random_search_with_the_same_budget()
    {
        var positions = new[] { Axis(40), Axis(40), Axis(40) };
        const int budget = 150, initial = 30, batch = 10, seeds = 20;
        double? Objective(int[] p) => p[2] >= 36 ? null : -(Sq(p[0] - 31) + Sq(p[1] - 8) + Sq(p[2] - 22)) / 100.0;

        var tpeRegret = new double[seeds];
        var randomRegret = new double[seeds];
        var tpeNear = new double[seeds];
        var randomNear = new double[seeds];
        for (var seed = 0; seed < seeds; seed++)
        {
            var observed = SweepTpe.Uniform(positions, initial, (ulong)seed).Select(p => (p, Objective(p))).ToList();
            while (observed.Count < budget)
                observed.AddRange(SweepTpe.Propose(positions, observed, Math.Min(batch, budget - observed.Count), (ulong)(seed * 1000 + observed.Count))
                    .Select(p => (p, Objective(p))));
            var random = SweepTpe.Uniform(positions, budget, (ulong)seed + 10_000).Select(p => (p, Objective(p))).ToList();

            Assert.Equal(budget, observed.Select(o => Key(o.p)).Distinct().Count());
            tpeRegret[seed] = -observed.Max(o => o.Item2 ?? double.NegativeInfinity);
            randomRegret[seed] = -random.Max(o => o.Item2 ?? double.NegativeInfinity);
            // Share of the points after the initial batch within distance 6 of the optimum, against the same share of random points.
            tpeNear[seed] = observed.Skip(initial).Count(o => Near(o.p)) / (double)(budget - initial);
            randomNear[seed] = random.Count(o => Near(o.p)) / (double)budget;
        }

        var wins = Enumerable.Range(0, seeds).Count(s => tpeRegret[s] < randomRegret[s]);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"regret (lower is better) TPE mean {tpeRegret.Average():0.000} median {Median(tpeRegret):0.000}; random mean {randomRegret.Average():0.000} median {Median(randomRegret):0.000}; TPE better in {wins}/{seeds} seeds"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"points within 6 grid steps of the optimum: TPE {tpeNear.Average():P1} of its proposals, random {randomNear.Average():P1}"));
        Assert.True(tpeRegret.Average() < randomRegret.Average() / 2, $"TPE {tpeRegret.Average()} vs random {randomRegret.Average()}");
        Assert.True(wins >= 15, $"TPE better in only {wins} of {seeds} seeds");
        Assert.True(tpeNear.Average() > 5 * randomNear.Average(), $"near share TPE {tpeNear.Average()} vs random {randomNear.Average()}");

        static double Sq(int x) => x * x;
        static bool Near(int[] p) => Math.Sqrt(Sq(p[0] - 31) + Sq(p[1] - 8) + Sq(p[2] - 22)) <= 6;
        static double Median(double[] values)
        {
            var sorted = values.Order().ToArray();
            return (sorted[sorted.Length / 2] + sorted[(sorted.Length - 1) / 2]) / 2;
        }
    }

    [Fact]
    public void A_refinement_needs_a_budget_an_initial_batch_and_a_batch_size_within_their_limits_and_grid_values()
    {
        var definition = new SweepDefinition
        {
            BaseConfig = EmaConfig(),
            Search = SweepSearch.Tpe,
            Dimensions = [List("strategy_params.ema_fast", 5, 8, 11), Range("stop_loss_perc", 1, 3, 1)],
            Samples = 12,
            InitialSamples = 12,
            BatchSize = 0,
        };
        var errors = SweepPlanner.Plan(definition, Cap).Errors;
        Assert.Equal(["The parameters have only 9 distinct combinations, fewer than the budget of 12: lower the budget or use grid search."], errors["samples"]);
        Assert.Equal(["The initial random batch must be at least 4 points and smaller than the budget of 12."], errors["initial_samples"]);
        Assert.Equal(["Points proposed per batch must be between 1 and 500."], errors["batch_size"]);

        errors = SweepPlanner.Plan(definition with { Samples = 6_000, InitialSamples = 20, BatchSize = 10, Dimensions = [Range("strategy_params.ema_fast", 2, 400, 1), Range("stop_loss_perc", 1, 10)] }, Cap).Errors;
        Assert.Equal(["6,000 points requested; Bayesian refinement evaluates at most 5,000 per sweep (use random search for more)."], errors["samples"]);
        Assert.Equal(["Bayesian refinement proposes grid values: give the range of Stop-loss % a step."], errors["dimensions[1].step"]);

        errors = SweepPlanner.Plan(definition with { Samples = 2 }, Cap).Errors;
        Assert.Equal(["Bayesian refinement needs its budget of points to evaluate: more than 4 and at most 5,000."], errors["samples"]);

        var plan = SweepPlanner.Plan(definition with { Samples = 8, InitialSamples = 4, BatchSize = 3 }, Cap);
        Assert.True(plan.IsValid, string.Join(" ", plan.Errors.SelectMany(e => e.Value)));
        Assert.Equal(8, plan.Plan!.Count);
        Assert.Equal(4, plan.Plan.Space.IndexedCount);
        // The initial batch: distinct grid points, the same for the same seed.
        var initialPoints = Enumerable.Range(0, 4).Select(i => string.Join(',', plan.Plan.Space.Point(i))).ToList();
        Assert.Equal(4, initialPoints.Distinct().Count());
        Assert.Equal(initialPoints, Enumerable.Range(0, 4).Select(i => string.Join(',', SweepPlanner.Plan(definition with { Samples = 8, InitialSamples = 4, BatchSize = 3 }, Cap).Plan!.Space.Point(i))));
        Assert.Throws<ArgumentOutOfRangeException>(() => plan.Plan.Space.Point(4));
        // Batches: 4 initial, then 3 and the last 1.
        var d = plan.Plan.Definition;
        Assert.Equal([4L, 7], new long[] { 1, 2, 3, 4, 5, 6, 7, 8 }.Where(n => SweepRefinement.NeedsNextBatch(d, n, 8)));
    }
}

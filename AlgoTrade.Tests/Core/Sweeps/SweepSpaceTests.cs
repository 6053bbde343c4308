using System.Text.Json;
using AlgoTrade.Core.Sweeps;
using static AlgoTrade.Tests.Core.Sweeps.SweepTestData;

namespace AlgoTrade.Tests.Core.Sweeps;

public class SweepSpaceTests
{
    [Fact]
    public void Grid_points_run_like_nested_loops_with_the_last_dimension_fastest()
    {
        var plan = Plan(new SweepDefinition
        {
            BaseConfig = EmaConfig(),
            Dimensions = [List("strategy_params.ema_fast", 5, 10), Range("stop_loss_perc", 0.5m, 2, 0.5m)],
        });
        var points = Enumerable.Range(0, (int)plan.Count).Select(i => string.Join(" ", plan.Space.Point(i))).ToList();
        Assert.Equal(["5 0.5", "5 1", "5 1.5", "5 2", "10 0.5", "10 1", "10 1.5", "10 2"], points);
    }

    [Fact]
    public void Random_points_are_fixed_by_the_seed_and_stay_inside_the_ranges()
    {
        SweepDefinition Definition(int seed) => new()
        {
            BaseConfig = EmaConfig(),
            Search = SweepSearch.Random,
            Samples = 200,
            Seed = seed,
            Dimensions = [Range("strategy_params.ema_fast", 2, 11), Range("stop_loss_perc", 0.5m, 5), Range("strategy_params.ema_slow", 30, 90, 10)],
        };
        var a = Plan(Definition(7));
        var b = Plan(Definition(7));
        var c = Plan(Definition(8));
        var pointsA = Enumerable.Range(0, 200).Select(i => a.Space.Point(i)).ToList();
        Assert.Equal(pointsA.Select(p => string.Join(" ", p)), Enumerable.Range(0, 200).Select(i => string.Join(" ", b.Space.Point(i))));
        Assert.NotEqual(pointsA.Select(p => string.Join(" ", p)), Enumerable.Range(0, 200).Select(i => string.Join(" ", c.Space.Point(i))));
        Assert.All(pointsA, p =>
        {
            Assert.InRange(p[0], 2, 11);
            Assert.Equal(decimal.Truncate(p[0]), p[0]);
            Assert.InRange(p[1], 0.5m, 5);
            Assert.Contains(p[2], new[] { 30m, 40, 50, 60, 70, 80, 90 });
        });
        // Uniform enough that every whole value of the integer range turns up in 200 draws.
        Assert.Equal(10, pointsA.Select(p => p[0]).Distinct().Count());
    }

    [Fact]
    public void A_point_config_sets_rule_document_leaves_and_risk_settings()
    {
        var plan = Plan(new SweepDefinition
        {
            BaseConfig = RulesConfig() with { Risk = RulesConfig().Risk with { TrailingStopActive = false, TrailingStopPerc = null, PositionSizeFixed = null } },
            Dimensions =
            [
                List("strategy_params.entry.all[0].left.period", 8),
                List("strategy_params.entry.all[1].right", 65),
                List("strategy_params.exit.right.period", 30),
                List("trailing_stop_perc", 1.5m),
            ],
        });
        var config = plan.ConfigFor(0);
        var document = config.StrategyParams;
        Assert.Equal(8, document.GetProperty("entry").GetProperty("all")[0].GetProperty("left").GetProperty("period").GetInt32());
        Assert.Equal(65, document.GetProperty("entry").GetProperty("all")[1].GetProperty("right").GetInt32());
        Assert.Equal(30, document.GetProperty("exit").GetProperty("right").GetProperty("period").GetInt32());
        Assert.Equal(26, document.GetProperty("entry").GetProperty("all")[0].GetProperty("right").GetProperty("period").GetInt32());
        Assert.Equal((1.5m, true), (config.Risk.TrailingStopPerc, config.Risk.TrailingStopActive));
        // The base config is untouched.
        Assert.Equal(12, JsonSerializer.SerializeToElement(plan.Definition.BaseConfig.StrategyParams)
            .GetProperty("entry").GetProperty("all")[0].GetProperty("left").GetProperty("period").GetInt32());
    }

    [Fact]
    public void Rule_targets_list_every_numeric_leaf_with_its_limits()
    {
        var targets = SweepTargets.For(RulesConfig()).Where(t => t.IsStrategyParameter).ToDictionary(t => t.Key);
        Assert.Equal(
            ["strategy_params.entry.all[0].left.period", "strategy_params.entry.all[0].right.period", "strategy_params.entry.all[1].left.period",
             "strategy_params.entry.all[1].right", "strategy_params.exit.left.period", "strategy_params.exit.right.period"],
            targets.Keys);
        var rsiPeriod = targets["strategy_params.entry.all[1].left.period"];
        Assert.Equal((2m, 500m, 14m, "RSI period"), (rsiPeriod.Limits.Min, rsiPeriod.Limits.Max, rsiPeriod.Current, rsiPeriod.Label));
    }
}

using AlgoTrade.Core.Sweeps;
using static AlgoTrade.Tests.Core.Sweeps.SweepTestData;

namespace AlgoTrade.Tests.Core.Sweeps;

public class SweepPlannerTests
{
    private static IReadOnlyDictionary<string, string[]> Errors(SweepDefinition definition)
    {
        var result = SweepPlanner.Plan(definition, Cap);
        Assert.False(result.IsValid);
        Assert.Null(result.Plan);
        return result.Errors;
    }

    [Fact]
    public void A_sweep_without_dimensions_is_rejected()
    {
        var errors = Errors(new SweepDefinition { BaseConfig = EmaConfig() });
        Assert.Equal(["Choose at least one parameter to sweep."], errors["dimensions"]);
    }

    [Fact]
    public void An_empty_range_and_an_empty_list_are_rejected()
    {
        var errors = Errors(new SweepDefinition
        {
            BaseConfig = EmaConfig(),
            Dimensions = [Range("strategy_params.ema_fast", 20, 10, 1), List("stop_loss_perc")],
        });
        Assert.Equal(["The range of Fast EMA period is empty: max 10 is below min 20."], errors["dimensions[0].max"]);
        Assert.Equal(["The list of values for Stop-loss % is empty."], errors["dimensions[1].values"]);
    }

    [Fact]
    public void Ten_million_combinations_are_over_the_cap()
    {
        var errors = Errors(new SweepDefinition
        {
            BaseConfig = EmaConfig(),
            Dimensions =
            [
                Range("strategy_params.ema_fast", 2, 101, 1),
                Range("strategy_params.rsi_period", 2, 101, 1),
                Range("take_profit_perc", 1, 1000, 1),
            ],
        });
        Assert.Equal(["This grid has 10,000,000 combinations; at most 100,000 are allowed per sweep. Narrow the ranges, take larger steps or use random search."],
            errors["dimensions"]);
    }

    [Fact]
    public void Values_outside_the_strategy_and_risk_limits_are_rejected_with_the_validators_messages()
    {
        var errors = Errors(new SweepDefinition
        {
            BaseConfig = EmaConfig(),
            Dimensions = [List("strategy_params.ema_fast", 1, 12), Range("stop_loss_perc", 1, 100, 1), Range("strategy_params.rsi_period", 5, 20, 0.5m)],
        });
        Assert.Equal(["Fast EMA period must be at least 2 and at most 500 (got 1)."], errors["dimensions[0].values"]);
        Assert.Equal(["Stop-loss % must be greater than 0 and less than 100 (got 100)."], errors["dimensions[1].max"]);
        Assert.Equal(["RSI period is a whole number; its step must be one too."], errors["dimensions[2].step"]);
    }

    [Fact]
    public void A_rule_document_leaf_is_addressed_by_its_path_and_checked_against_the_indicator_limits()
    {
        var errors = Errors(new SweepDefinition
        {
            BaseConfig = RulesConfig(),
            Dimensions = [Range("strategy_params.entry.all[0].left.period", 1, 20, 1), Range("strategy_params.entry.all[1].right", 50, 80, 5)],
        });
        Assert.Equal(["EMA period must be at least 2 and at most 1000 (got 1)."], errors["dimensions[0].min"]);
        Assert.False(errors.ContainsKey("dimensions[1].min"));
    }

    [Fact]
    public void Unknown_targets_grid_ranges_without_step_and_random_search_without_samples_are_rejected()
    {
        var errors = Errors(new SweepDefinition
        {
            BaseConfig = EmaConfig(),
            Dimensions = [Range("strategy_params.bogus", 1, 2, 1), Range("take_profit_perc", 1, 5)],
        });
        Assert.StartsWith("'strategy_params.bogus' is not a number this config can sweep; choose one of stop_loss_perc, take_profit_perc, trailing_stop_perc, position_size_perc, strategy_params.ema_fast",
            errors["dimensions[0].target"][0]);
        Assert.Equal(["Grid search needs a step for the range of Take-profit %."], errors["dimensions[1].step"]);

        var random = Errors(new SweepDefinition { BaseConfig = EmaConfig(), Search = SweepSearch.Random, Dimensions = [Range("take_profit_perc", 1, 5)] });
        Assert.Equal(["Random search needs the number of points to draw (at least 1)."], random["samples"]);
    }

    [Fact]
    public void Base_config_constraints_and_split_problems_are_all_listed()
    {
        var errors = Errors(new SweepDefinition
        {
            BaseConfig = EmaConfig() with { Symbol = "" },
            Dimensions = [List("stop_loss_perc", 1, 2)],
            MinTrades = -1,
            MaxDrawdownPct = 0,
            InSamplePercent = 30,
            Windows = 21,
        });
        Assert.Equal(["Symbol is required, e.g. BTCUSDT."], errors["base_config.symbol"]);
        Assert.Equal(["Minimum trades cannot be negative."], errors["min_trades"]);
        Assert.Equal(["Maximum drawdown must be greater than 0 and at most 100 % (got 0)."], errors["max_drawdown_pct"]);
        Assert.Equal(["In-sample share must be between 50 and 100 % (100 = no out-of-sample part; got 30)."], errors["in_sample_percent"]);
        Assert.Equal(["Walk-forward windows must be between 1 and 20 (got 21)."], errors["windows"]);
    }

    [Fact]
    public void A_valid_grid_counts_the_product_of_its_dimensions()
    {
        var plan = Plan(new SweepDefinition
        {
            BaseConfig = EmaConfig(),
            Dimensions = [Range("strategy_params.ema_fast", 5, 20, 5), List("stop_loss_perc", 1, 2, 3)],
        });
        Assert.Equal(12, plan.Count);
        Assert.Equal(["strategy_params.ema_fast", "stop_loss_perc"], plan.Targets.Select(t => t.Key));
    }
}

using AlgoTrade.Core.Backtesting;
using AlgoTrade.Core.Backtesting.Jobs;
using AlgoTrade.Core.Market;
using AlgoTrade.Core.Strategies;
using AlgoTrade.Core.Sweeps;
using AlgoTrade.Tests.Core.Trading;
using static AlgoTrade.Tests.Core.Sweeps.SweepTestData;

namespace AlgoTrade.Tests.Core.Sweeps;

public class SweepEvaluatorTests
{
    private static readonly Candle[] Series = SweepTestData.Candles();

    private static SweepDefinition Grid(Func<SweepDefinition, SweepDefinition>? tweak = null)
    {
        var definition = new SweepDefinition
        {
            BaseConfig = EmaConfig(),
            Dimensions = [List("strategy_params.ema_fast", 5, 8, 12), List("strategy_params.ema_slow", 20, 30), List("stop_loss_perc", 1, 3)],
            Objective = SweepObjective.TotalReturn,
        };
        return tweak is null ? definition : tweak(definition);
    }

    [Fact]
    public void Each_score_is_the_backtest_of_the_points_config_over_the_in_sample_and_out_of_sample_parts()
    {
        var plan = Plan(Grid());
        var data = SweepData.Prepare(plan.Definition, Series);
        Assert.Equal([new SweepWindow(0, 1400, 600)], data.Windows);

        var evaluation = SweepEvaluator.EvaluatePoint(plan, data, 7);
        var config = plan.ConfigFor(7);
        Assert.Equal("""{"ema_fast":8,"ema_slow":30}""", config.StrategyParams.GetRawText());
        Assert.Equal(3m, config.Risk.StopLossPerc);
        var inSample = Backtester.Run(config with { End = Series[1400].OpenTime }, Series).Summary;
        var outOfSample = Backtester.Run(config with { Start = Series[1400].OpenTime }, Series).Summary;
        Assert.Equal(SweepMetrics.From(inSample), evaluation.InSample);
        Assert.Equal(SweepMetrics.From(outOfSample), evaluation.OutOfSample);
        Assert.Equal(inSample.TotalReturnPct, evaluation.InSampleScore);
        Assert.Equal(outOfSample.TotalReturnPct, evaluation.OutOfSampleScore);
        Assert.True(evaluation.MeetsConstraints);
        Assert.True(inSample.NumberOfTrades > 0);
    }

    [Fact]
    public void Results_do_not_depend_on_parallelism_or_chunking_and_a_seed_replays_them()
    {
        var definition = Grid(d => d with
        {
            Search = SweepSearch.Random, Samples = 24, Seed = 5, Windows = 2,
            Dimensions = [Range("strategy_params.ema_fast", 3, 15), Range("strategy_params.ema_slow", 20, 60, 5), Range("take_profit_perc", 1, 6)],
        });
        var plan = Plan(definition);
        var data = SweepData.Prepare(definition, Series);
        var serial = SweepEvaluator.Evaluate(plan, data, 0, 24, maxParallelism: 1);
        var parallel = SweepEvaluator.Evaluate(plan, data, 0, 24, maxParallelism: 2);
        var chunked = SweepEvaluator.Evaluate(plan, data, 0, 10).Concat(SweepEvaluator.Evaluate(plan, data, 10, 14)).ToArray();
        var replay = SweepEvaluator.Evaluate(Plan(definition), SweepData.Prepare(definition, Series), 0, 24, maxParallelism: 2);

        string Text(SweepPointResult[] e) => BacktestJson.Serialize(e);
        Assert.Equal(Text(serial), Text(parallel));
        Assert.Equal(Text(serial), Text(chunked));
        Assert.Equal(Text(serial), Text(replay));
        Assert.Equal(Enumerable.Range(0, 24).Select(i => (long)i), serial.Select(e => e.PointIndex));
        Assert.True(serial.Select(e => e.InSampleScore).Distinct().Count() > 5, "points should differ in score");
    }

    [Fact]
    public void Constraints_and_invalid_points_keep_a_point_from_being_best()
    {
        var plan = Plan(Grid(d => d with { MinTrades = 10, MaxDrawdownPct = 15, Dimensions = [List("strategy_params.ema_fast", 5, 30), List("stop_loss_perc", 1, 3)] }));
        var data = SweepData.Prepare(plan.Definition, Series);
        var all = SweepEvaluator.Evaluate(plan, data, 0, (int)plan.Count);

        var invalid = all.Where(e => e.Values[0] == 30).ToList();
        Assert.Equal(2, invalid.Count);
        Assert.All(invalid, e =>
        {
            Assert.Equal("Invalid point: strategy_params.ema_fast: Fast EMA period must be smaller than the slow EMA period.", e.Note);
            Assert.Null(e.InSample);
            Assert.False(e.Qualifies);
        });
        foreach (var e in all.Where(e => e.InSample is not null))
        {
            var expected = e.InSample!.NumberOfTrades >= 10 && e.InSample.MaxDrawdownPct <= 15;
            Assert.Equal(expected, e.MeetsConstraints);
        }
        var best = SweepEvaluator.Best(all);
        Assert.Equal(all.Where(e => e.Qualifies).MaxBy(e => e.InSampleScore), best);

        var strict = Plan(Grid(d => d with { MinTrades = 100_000 }));
        var none = SweepEvaluator.Evaluate(strict, data, 0, (int)strict.Count);
        Assert.All(none, e => Assert.False(e.MeetsConstraints));
        Assert.EndsWith(" in-sample trades, fewer than the minimum of 100000.", none[0].Note);
        Assert.Null(SweepEvaluator.Best(none));
    }

    [Fact]
    public void A_period_without_candles_or_too_short_to_split_is_a_clear_error()
    {
        var empty = Grid(d => d with { BaseConfig = d.BaseConfig with { Start = new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc) } });
        var error = Assert.Throws<BacktestDataException>(() => SweepData.Prepare(empty, Series));
        Assert.Equal("No BTCUSDT 1h candles between 2030-01-01 00:00 UTC and the last candle.", error.Message);

        var tooShort = Grid(d => d with { Windows = 20 });
        var split = Assert.Throws<BacktestDataException>(() => SweepData.Prepare(tooShort, Series.AsSpan(0, 60)));
        Assert.Equal("The period has 60 candles: too few to cut into 20 window(s) split 70/30. Choose a longer period or fewer windows.", split.Message);
    }

    [Fact]
    public void Walk_forward_windows_cover_the_period_and_average_their_scores()
    {
        var plan = Plan(Grid(d => d with { Windows = 3, InSamplePercent = 80 }));
        var data = SweepData.Prepare(plan.Definition, Series);
        Assert.Equal([new SweepWindow(0, 532, 134), new SweepWindow(666, 532, 134), new SweepWindow(1332, 534, 134)], data.Windows);

        var e = SweepEvaluator.EvaluatePoint(plan, data, 0);
        var config = plan.ConfigFor(0);
        var strategy = StrategyRegistry.Create(config.StrategyType, config.StrategyParams);
        var returns = data.Windows.Select(w =>
        {
            strategy.Reset();
            return Backtester.Run(strategy, config.Risk, Timeframe.H1, Series.AsSpan(w.Start + w.InSampleLength, w.OutOfSampleLength)).Summary.TotalReturnPct;
        }).ToList();
        Assert.Equal(returns.Average(), e.OutOfSampleScore!.Value, 12);
    }

    [Fact]
    public void Rule_document_leaves_are_swept_like_strategy_parameters()
    {
        var plan = Plan(new SweepDefinition
        {
            BaseConfig = RulesConfig(),
            Dimensions = [List("strategy_params.entry.all[0].left.period", 5, 10), List("strategy_params.entry.all[1].right", 60, 80)],
            Objective = SweepObjective.Sharpe,
        });
        var data = SweepData.Prepare(plan.Definition, Series);
        var all = SweepEvaluator.Evaluate(plan, data, 0, 4);
        Assert.All(all, e => Assert.NotNull(e.InSample));
        var direct = Backtester.Run(plan.ConfigFor(3) with { End = Series[1400].OpenTime }, Series).Summary;
        Assert.Equal(direct.SharpeRatio, all[3].InSampleScore);
        Assert.Equal(EngineTestKit.T0, data.Candles[0].OpenTime);
    }
}

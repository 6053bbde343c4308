using System.Globalization;
using System.Text.Json;
using AlgoTrade.Core.Backtesting;
using AlgoTrade.Core.Market;
using AlgoTrade.Core.Strategies;
using AlgoTrade.Core.Trading;

namespace AlgoTrade.Tests.Core.Trading;

/// <summary>
/// The architecture admits the double engine only if it matches the documented fill model to 1e-9 relative: each
/// scenario runs <see cref="Backtester"/> and the decimal <see cref="DecimalFillModel"/> on the same candles and
/// signals and compares every fill and the final equity.
/// </summary>
public sealed class DecimalReferenceTests
{
    private const decimal Relative = 1e-9m;
    private const string FastParams = """{"ema_fast": 5, "ema_slow": 13, "rsi_period": 14, "rsi_overbought": 70}""";
    private const string SlowParams = """{"ema_fast": 20, "ema_slow": 60, "rsi_period": 14, "rsi_overbought": 95}""";

    // Several days of 1m candles starting late in a UTC day, at very different price scales.
    private static readonly Lazy<SyntheticSeries[]> Series = new(() =>
    [
        SyntheticSeries.Generate(11, new DateTime(2024, 3, 10, 21, 0, 0, DateTimeKind.Utc), 100, 4000),
        SyntheticSeries.Generate(23, new DateTime(2024, 7, 1, 23, 30, 0, DateTimeKind.Utc), 27_000.12345678, 4000),
        SyntheticSeries.Generate(37, new DateTime(2025, 1, 31, 18, 0, 0, DateTimeKind.Utc), 0.5, 3000),
    ]);

    private static readonly DecimalScenario[] Scenarios =
    [
        new("stop_loss_only",
            new RiskSettings { InitialCapital = 10_000, PositionSizePerc = 100, StopLossPerc = 0.4m },
            FastParams, [FillReason.Signal, FillReason.StopLoss]),
        new("stop_trailing_take_profit_two_partials",
            new RiskSettings
            {
                InitialCapital = 10_000, PositionSizePerc = 60, StopLossPerc = 0.3m, TrailingStopPerc = 0.6m,
                TrailingStopActive = true, TakeProfitPerc = 1.2m,
                PartialTakeProfits = [new PartialTakeProfit(0.7m, 0.25m), new PartialTakeProfit(0.35m, 0.4m)],
            },
            SlowParams,
            [FillReason.StopLoss, FillReason.TrailingStop, FillReason.PartialTakeProfit, FillReason.TakeProfit]),
        new("fixed_size",
            new RiskSettings { InitialCapital = 5_000, PositionSizeFixed = 1_234.56m, StopLossPerc = 0.5m, TakeProfitPerc = 0.5m },
            FastParams, [FillReason.Signal, FillReason.StopLoss, FillReason.TakeProfit]),
        new("max_duration",
            new RiskSettings { InitialCapital = 10_000, PositionSizePerc = 50, MaxTradeDurationHours = 1, SlippageBps = 3 },
            SlowParams, [FillReason.Signal, FillReason.MaxDuration]),
        new("daily_target",
            new RiskSettings
            {
                InitialCapital = 10_000, PositionSizePerc = 100, StopLossPerc = 0.5m, TakeProfitPerc = 0.3m, DailyTargetPerc = 0.2m,
            },
            FastParams, [FillReason.TakeProfit], ExpectsTargetBlocks: true),
        new("daily_loss",
            new RiskSettings
            {
                InitialCapital = 10_000, PositionSizePerc = 100, StopLossPerc = 0.3m, TakeProfitPerc = 0.5m, MaxDailyLossPerc = 0.5m,
            },
            FastParams, [FillReason.StopLoss], ExpectsLossBlocks: true),
        new("slippage_and_custom_fee",
            new RiskSettings
            {
                InitialCapital = 25_000, PositionSizePerc = 80, StopLossPerc = 0.3m, TrailingStopPerc = 0.5m,
                TrailingStopActive = true, TakeProfitPerc = 0.8m, PartialTakeProfits = [new PartialTakeProfit(0.4m, 0.5m)],
                MaxTradeDurationHours = 2, DailyTargetPerc = 1.5m, MaxDailyLossPerc = 1, FeeRate = 0.00075m, SlippageBps = 7.5m,
            },
            SlowParams,
            [FillReason.Signal, FillReason.StopLoss, FillReason.TrailingStop, FillReason.PartialTakeProfit, FillReason.TakeProfit]),
    ];

    public static TheoryData<string> ScenarioNames => new(Scenarios.Select(s => s.Name));

    [Theory]
    [MemberData(nameof(ScenarioNames))]
    public void Engine_matches_the_decimal_fill_model(string name)
    {
        var scenario = Scenarios.Single(s => s.Name == name);
        var reasons = new HashSet<FillReason>();
        int targetBlocks = 0, lossBlocks = 0;

        for (var i = 0; i < Series.Value.Length; i++)
        {
            var series = Series.Value[i];
            var context = $"{name}, series {i}";
            var signals = Signals(scenario.StrategyParams, series.Candles);
            var engine = Backtester.Run(new ScriptedStrategy(signals), scenario.Settings, Timeframe.M1, series.Candles);
            var reference = DecimalFillModel.Run(scenario.Settings, Timeframe.M1.Duration, series.Exact, signals);

            CompareFills(context, scenario.Settings.InitialCapital, reference.Fills, engine.Trades);
            AssertClose($"{context}: final equity", reference.FinalEquity, engine.Summary.FinalEquity, 0);
            Assert.Equal(reference.BlockedByDailyTarget, engine.Log.Count(l => l.Contains("daily target", StringComparison.Ordinal)));
            Assert.Equal(reference.BlockedByDailyLoss, engine.Log.Count(l => l.Contains("maximum daily loss", StringComparison.Ordinal)));

            reasons.UnionWith(reference.Fills.Select(f => f.Reason));
            targetBlocks += reference.BlockedByDailyTarget;
            lossBlocks += reference.BlockedByDailyLoss;
        }

        Assert.All(scenario.ExpectedReasons, r => Assert.Contains(r, reasons));
        if (scenario.ExpectsTargetBlocks) Assert.True(targetBlocks > 0, $"{name}: no entry was blocked by the daily target");
        if (scenario.ExpectsLossBlocks) Assert.True(lossBlocks > 0, $"{name}: no entry was blocked by the daily loss limit");
    }

    private static Signal[] Signals(string strategyParams, Candle[] candles)
    {
        using var json = JsonDocument.Parse(strategyParams);
        var strategy = StrategyRegistry.Create("ema_cross_rsi", json.RootElement);
        return candles.Select(c => strategy.OnCandle(in c)).ToArray();
    }

    private static void CompareFills(string context, decimal capital, IReadOnlyList<DecimalFill> expected, IReadOnlyList<BacktestTrade> actual)
    {
        var floor = Relative * capital;
        for (var k = 0; k < Math.Min(expected.Count, actual.Count); k++)
        {
            var (e, a) = (expected[k], actual[k]);
            var at = $"{context}, fill {k} (reference {e.Time:yyyy-MM-dd HH:mm} {e.Side} {e.Reason}, engine {a.Time:yyyy-MM-dd HH:mm} {a.Side} {a.Reason})";
            Assert.True(e.Time == a.Time && e.Side == a.Side && e.Reason == a.Reason, $"{at}: fills differ");
            AssertClose($"{at}: price", e.Price, a.Price, 0);
            AssertClose($"{at}: quantity", e.Quantity, a.Quantity, 0);
            AssertClose($"{at}: fee", e.Fee, a.Fee, floor);
            Assert.True(e.RealizedPnl is null == a.RealizedPnl is null, $"{at}: realized PnL present on one side only");
            if (e.RealizedPnl is { } pnl) AssertClose($"{at}: realized PnL", pnl, a.RealizedPnl!.Value, floor);
        }
        Assert.True(expected.Count == actual.Count, $"{context}: reference has {expected.Count} fills, engine {actual.Count}");
    }

    private static void AssertClose(string what, decimal expected, double actual, decimal floor)
    {
        var tolerance = Math.Max(Relative * Math.Abs(expected), floor);
        var difference = Math.Abs((decimal)actual - expected);
        Assert.True(difference <= tolerance,
            string.Create(CultureInfo.InvariantCulture, $"{what}: reference {expected}, engine {actual:R}, difference {difference} > {tolerance}"));
    }
}

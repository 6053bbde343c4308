using System.Text.Json;
using AlgoTrade.Core.Backtesting;
using AlgoTrade.Core.Market;
using AlgoTrade.Core.Sweeps;
using AlgoTrade.Tests.Core.Trading;

namespace AlgoTrade.Tests.Core.Sweeps;

internal static class SweepTestData
{
    public const long Cap = 100_000;

    /// <summary>Hourly random-walk candles from <see cref="EngineTestKit.T0"/>.</summary>
    public static Candle[] Candles(int count = 2000, int seed = 11) => EngineTestKit.RandomWalk(count, seed).Candles;

    public static BacktestConfig EmaConfig(string strategyParams = """{"ema_fast": 12, "ema_slow": 26}""") => BacktestConfigReader.Read($$"""
        {"symbol": "BTCUSDT", "timeframe": "1h", "strategy_type": "ema_cross_rsi", "strategy_params": {{strategyParams}},
         "initial_capital": 1000, "position_size_perc": 100, "stop_loss_perc": 3, "fee_rate": 0.001}
        """).Config ?? throw new InvalidOperationException("test config is invalid");

    public const string RulesDocument = """
        {"version": 1,
         "entry": {"all": [
            {"left": {"ind": "ema", "period": 12}, "op": "crosses_above", "right": {"ind": "ema", "period": 26}},
            {"left": {"ind": "rsi", "period": 14}, "op": "<", "right": 70}]},
         "exit": {"left": {"ind": "ema", "period": 12}, "op": "crosses_below", "right": {"ind": "ema", "period": 26}}}
        """;

    public static BacktestConfig RulesConfig() => EmaConfig() with
    {
        StrategyType = "rules",
        StrategyParams = JsonDocument.Parse(RulesDocument).RootElement.Clone(),
    };

    public static SweepDimension Range(string target, decimal min, decimal max, decimal? step = null) =>
        new() { Target = target, Min = min, Max = max, Step = step };

    public static SweepDimension List(string target, params decimal[] values) => new() { Target = target, Values = values };

    public static SweepPlan Plan(SweepDefinition definition)
    {
        var result = SweepPlanner.Plan(definition, Cap);
        Assert.True(result.IsValid, string.Join(" | ", result.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
        return result.Plan!;
    }
}

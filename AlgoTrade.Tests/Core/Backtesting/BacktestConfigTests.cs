using AlgoTrade.Core.Backtesting;
using AlgoTrade.Core.Trading;

namespace AlgoTrade.Tests.Core.Backtesting;

public class BacktestConfigTests
{
    private const string ValidJson = """
        {
          "symbol": "BTCUSDT", "timeframe": "1h", "start": "2024-01-01T00:00:00Z", "end": "2024-02-01 00:00:00",
          "strategy_type": "ema_cross_rsi", "strategy_params": {"ema_fast": 9, "ema_slow": 21},
          "initial_capital": 1000, "position_size_perc": 25, "position_size_fixed": null,
          "stop_loss_perc": 2, "take_profit_perc": 6, "trailing_stop_perc": 1.5, "trailing_stop_active": true,
          "partial_take_profits_config": [{"percentage": 3, "ratio": 0.5}],
          "max_trade_duration_hours": 48, "daily_target_perc": 5, "max_daily_loss_perc": 3,
          "fee_rate": 0.00075, "slippage_bps": 5
        }
        """;

    [Fact]
    public void Reads_every_column()
    {
        var result = BacktestConfigReader.Read(ValidJson);
        Assert.True(result.IsValid, string.Join("; ", result.Errors.SelectMany(e => e.Value)));
        var c = result.Config!;
        Assert.Equal(("BTCUSDT", "1h", "ema_cross_rsi"), (c.Symbol, c.Timeframe, c.StrategyType));
        Assert.Equal(new DateTime(2024, 2, 1, 0, 0, 0, DateTimeKind.Utc), c.End);
        Assert.Equal(9, c.StrategyParams.GetProperty("ema_fast").GetInt32());
        Assert.Equal((1000m, 25m, (decimal?)null), (c.InitialCapital, c.PositionSizePerc, c.PositionSizeFixed));
        Assert.Equal((2m, 6m, 1.5m, true), (c.StopLossPerc!.Value, c.TakeProfitPerc!.Value, c.TrailingStopPerc!.Value, c.TrailingStopActive));
        Assert.Equal([new PartialTakeProfit(3, 0.5m)], c.PartialTakeProfits);
        Assert.Equal((48, 5m, 3m, 0.00075m, 5m), (c.MaxTradeDurationHours!.Value, c.DailyTargetPerc!.Value, c.MaxDailyLossPerc!.Value, c.FeeRate, c.SlippageBps));
    }

    [Fact]
    public void Serializes_with_the_column_names_and_reads_back()
    {
        var config = BacktestConfigReader.Read(ValidJson).Config!;
        var json = BacktestJson.Serialize(config);
        Assert.Contains("\"partial_take_profits_config\":[{\"percentage\":3,\"ratio\":0.5}]", json);
        Assert.Contains("\"strategy_params\":{\"ema_fast\":9,\"ema_slow\":21}", json);
        Assert.Contains("\"max_daily_loss_perc\":3", json);
        var again = BacktestConfigReader.Read(json);
        Assert.True(again.IsValid);
        Assert.Equal(config.ToRiskSettings(), again.Config!.ToRiskSettings());
        Assert.Equal(json, BacktestJson.Serialize(again.Config));
    }

    [Fact]
    public void Lists_every_problem_by_field()
    {
        var result = BacktestConfigReader.Read("""
            {
              "symbol": "", "timeframe": "7m", "start": "2024-02-01", "end": "2024-01-01", "bogus": 1,
              "strategy_type": "ema_cross_rsi", "strategy_params": {"ema_fast": 30, "ema_slow": 20, "foo": 1, "rsi_overbought": "x"},
              "initial_capital": -5, "stop_loss_perc": 150, "trailing_stop_active": "yes",
              "partial_take_profits_config": [{"percentage": 1, "ratio": 0.7}, {"percentage": 2, "ratio": 0.6}],
              "max_trade_duration_hours": 1.5, "fee_rate": "x"
            }
            """);
        Assert.False(result.IsValid);
        Assert.Equal(
        [
            "bogus", "end", "fee_rate", "initial_capital", "max_trade_duration_hours", "partial_take_profits_config",
            "position_size_perc", "stop_loss_perc", "strategy_params.ema_fast", "strategy_params.foo",
            "strategy_params.rsi_overbought", "symbol", "timeframe", "trailing_stop_active",
        ], result.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["Must be a number."], result.Errors["fee_rate"]);
        Assert.Equal(["Must be a whole number."], result.Errors["max_trade_duration_hours"]);
        Assert.Equal(["Fast EMA period must be smaller than the slow EMA period."], result.Errors["strategy_params.ema_fast"]);
    }

    [Fact]
    public void Broken_json_and_unknown_strategy_are_reported()
    {
        Assert.Contains("config", BacktestConfigReader.Read("{\"symbol\": ").Errors.Keys);
        var unknown = BacktestConfigReader.Read("""{"symbol":"X","timeframe":"1m","strategy_type":"magic","initial_capital":1,"position_size_perc":10}""");
        Assert.Equal(["strategy_type"], unknown.Errors.Keys);
    }
}

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
        Assert.Equal((1000m, 25m, (decimal?)null), (c.Risk.InitialCapital, c.Risk.PositionSizePerc, c.Risk.PositionSizeFixed));
        Assert.Equal((2m, 6m, 1.5m, true), (c.Risk.StopLossPerc!.Value, c.Risk.TakeProfitPerc!.Value, c.Risk.TrailingStopPerc!.Value, c.Risk.TrailingStopActive));
        Assert.Equal([new PartialTakeProfit(3, 0.5m)], c.Risk.PartialTakeProfits);
        Assert.Equal((48, 5m, 3m, 0.00075m, 5m), (c.Risk.MaxTradeDurationHours!.Value, c.Risk.DailyTargetPerc!.Value, c.Risk.MaxDailyLossPerc!.Value, c.Risk.FeeRate, c.Risk.SlippageBps));
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
        Assert.Equal(config.Risk, again.Config!.Risk);
        Assert.Equal(json, BacktestJson.Serialize(again.Config));
    }

    // As BacktestJson wrote configs into backtest_jobs.config before RiskSettings became one value: every field flat.
    private static readonly string StoredBeforeRiskSettings = string.Concat("""
        {"symbol":"ETHUSDT","exchange_name":"simulated","timeframe":"15m","start":"2024-03-01T00:00:00Z","end":null,
        "strategy_type":"ema_cross_rsi","strategy_params":{"ema_fast":9,"ema_slow":21},"initial_capital":2500,
        "position_size_perc":null,"position_size_fixed":300,"stop_loss_perc":1.5,"take_profit_perc":4,"trailing_stop_perc":0.8,
        "trailing_stop_active":true,"partial_take_profits_config":[{"percentage":2,"ratio":0.4}],"max_trade_duration_hours":12,
        "daily_target_perc":null,"max_daily_loss_perc":5,"fee_rate":0.00075,"slippage_bps":3}
        """.Split('\n').Select(line => line.Trim()));

    [Fact]
    public void A_config_stored_flat_before_risk_settings_became_one_value_reads_and_writes_back_unchanged()
    {
        var config = BacktestJson.Deserialize<BacktestConfig>(StoredBeforeRiskSettings)!;

        Assert.Equal(("ETHUSDT", "15m", 21), (config.Symbol, config.Timeframe, config.StrategyParams.GetProperty("ema_slow").GetInt32()));
        Assert.Equal(new RiskSettings
        {
            InitialCapital = 2500, PositionSizeFixed = 300, StopLossPerc = 1.5m, TakeProfitPerc = 4, TrailingStopPerc = 0.8m,
            TrailingStopActive = true, PartialTakeProfits = [new(2, 0.4m)], MaxTradeDurationHours = 12, MaxDailyLossPerc = 5,
            FeeRate = 0.00075m, SlippageBps = 3,
        }, config.Risk);
        Assert.Equal(StoredBeforeRiskSettings, BacktestJson.Serialize(config));
        Assert.DoesNotContain("\"risk\"", BacktestJson.Serialize(config, indented: true));
    }

    [Fact]
    public void A_stored_config_without_costs_gets_the_default_fee_and_each_config_its_own_settings()
    {
        var first = BacktestJson.Deserialize<BacktestConfig>("""{"symbol":"BTCUSDT","initial_capital":100,"position_size_perc":10}""")!;
        var second = BacktestJson.Deserialize<BacktestConfig>("""{"symbol":"BTCUSDT","initial_capital":200}""")!;

        Assert.Equal((100m, 10m, RiskSettings.DefaultFeeRate, 0m), (first.Risk.InitialCapital, first.Risk.PositionSizePerc, first.Risk.FeeRate, first.Risk.SlippageBps));
        Assert.Equal((200m, (decimal?)null), (second.Risk.InitialCapital, second.Risk.PositionSizePerc));
        Assert.Equal(0m, new BacktestConfig().Risk.InitialCapital);
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

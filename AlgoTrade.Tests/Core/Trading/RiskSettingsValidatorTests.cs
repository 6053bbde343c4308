using System.Text.Json;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Market;
using AlgoTrade.Core.Trading;

namespace AlgoTrade.Tests.Core.Trading;

public class RiskSettingsValidatorTests
{
    [Fact]
    public void Valid_settings_have_no_errors()
    {
        var settings = new RiskSettings
        {
            InitialCapital = 1000, PositionSizePerc = 100, StopLossPerc = 2, TakeProfitPerc = 4, TrailingStopPerc = 1,
            TrailingStopActive = true, PartialTakeProfits = [new(1, 0.5m), new(2, 0.5m)], MaxTradeDurationHours = 24,
            DailyTargetPerc = 5, MaxDailyLossPerc = 3,
        };
        Assert.Empty(RiskSettingsValidator.Validate(settings));
    }

    [Fact]
    public void Every_problem_is_listed_by_snake_case_field()
    {
        var errors = RiskSettingsValidator.Validate(new RiskSettings
        {
            InitialCapital = 0, StopLossPerc = 100, TakeProfitPerc = 2, TrailingStopActive = true,
            PartialTakeProfits = [new(1, 0.7m), new(3, 0.6m), new(1, 0m)], MaxTradeDurationHours = 0,
            DailyTargetPerc = -1, MaxDailyLossPerc = 101, FeeRate = 0.5m, SlippageBps = -1,
        });
        Assert.Equal(
            ["daily_target_perc", "fee_rate", "initial_capital", "max_daily_loss_perc", "max_trade_duration_hours",
             "partial_take_profits_config", "position_size_perc", "slippage_bps", "stop_loss_perc", "trailing_stop_perc"],
            errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(
        [
            "Level 2: percentage 3 must be below the take-profit of 2 %, which sells the rest.",
            "Level 3: ratio is a fraction of the entry quantity, greater than 0 and at most 1, i.e. up to 100 % (got 0 = 0 %).",
            "Level 3: percentage 1 appears more than once.",
            "The ratios add up to 1.3 (130 %); together they may sell at most the whole position (1 = 100 %).",
        ], errors["partial_take_profits_config"]);
        Assert.Equal(["Trailing stop is active but has no percentage."], errors["trailing_stop_perc"]);
    }

    [Fact]
    public void Every_number_has_an_upper_bound_told_in_plain_words()
    {
        var errors = RiskSettingsValidator.Validate(new RiskSettings
        {
            InitialCapital = 1e18m, PositionSizeFixed = 1e12m, TakeProfitPerc = 99_999_999m, PartialTakeProfits = [new(5_000, 0.5m)],
            MaxTradeDurationHours = 1_000_000, DailyTargetPerc = 1e9m, MaxDailyLossPerc = 5,
        });
        Assert.Equal(["Initial capital may be at most 10,000,000,000 (got 1,000,000,000,000,000,000)."], errors["initial_capital"]);
        Assert.Equal(["Fixed position size must be greater than 0 and at most 10,000,000,000 (got 1,000,000,000,000)."], errors["position_size_fixed"]);
        Assert.Equal(["Take-profit must be greater than 0 % and at most 1,000 % (got 99,999,999)."], errors["take_profit_perc"]);
        Assert.Equal(["Maximum trade duration must be at least 1 hour and at most 8,760 hours (a year; got 1,000,000); leave it empty for no limit."],
            errors["max_trade_duration_hours"]);
        Assert.Equal(["Daily target must be greater than 0 % and at most 1,000 % (got 1,000,000,000)."], errors["daily_target_perc"]);
        Assert.Equal(["Level 1: percentage must be greater than 0 and at most 1,000 (got 5,000)."], errors["partial_take_profits_config"]);
        // Messages speak of the form's fields, never of database columns.
        Assert.All(errors.Values.SelectMany(m => m), m => Assert.DoesNotMatch(@"[a-z]+_[a-z]+", m));

        var highest = RiskSettingsValidator.Validate(new RiskSettings
        {
            InitialCapital = RiskSettingsValidator.MaxAmount, PositionSizeFixed = RiskSettingsValidator.MaxAmount,
            TakeProfitPerc = RiskSettingsValidator.MaxProfitPercent, MaxTradeDurationHours = RiskSettingsValidator.MaxTradeDurationHours,
            DailyTargetPerc = RiskSettingsValidator.MaxProfitPercent,
        });
        Assert.Empty(highest);
    }

    [Fact]
    public void Backtests_check_the_same_bounds()
    {
        var config = new AlgoTrade.Core.Backtesting.BacktestConfig
        {
            Symbol = "BTCUSDT", Timeframe = "1h", StrategyType = "ema_cross_rsi",
            Risk = new RiskSettings { InitialCapital = 1e18m, PositionSizePerc = 10, TakeProfitPerc = 99_999_999m, MaxTradeDurationHours = 1_000_000, DailyTargetPerc = 1e9m },
        };
        var errors = AlgoTrade.Core.Backtesting.BacktestConfigValidator.Validate(config);
        Assert.Equal(["daily_target_perc", "initial_capital", "max_trade_duration_hours", "take_profit_perc"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Settings_come_from_the_bot_columns_and_the_reader_reports_malformed_partial_json()
    {
        var bot = new BotConfig
        {
            Risk = new RiskSettings { InitialCapital = 500, PositionSizeFixed = 100, StopLossPerc = 2, TakeProfitPerc = 5, PartialTakeProfits = [new PartialTakeProfit(2.5m, 0.5m)] },
        };
        var settings = RiskSettings.FromBotConfig(bot, out var errors);
        Assert.Empty(errors);
        Assert.Equal([new PartialTakeProfit(2.5m, 0.5m)], settings.PartialTakeProfits);
        Assert.Equal(0.001m, settings.FeeRate);

        // Typed levels cannot be malformed; the one reader of the JSON reports what does not read.
        errors = AlgoTrade.Core.Bots.BotConfigReader.Read("""
            {"initial_capital": 500, "position_size_fixed": 100, "partial_take_profits_config": [{"percentage": "x"}, 3]}
            """).Errors;
        Assert.Equal(
        [
            "Level 1: \"percentage\" must be a number.",
            "Level 1: \"ratio\" is missing.",
            "Level 2 must be an object with \"percentage\" and \"ratio\".",
        ], errors["partial_take_profits_config"]);
    }

    [Fact]
    public void The_engine_refuses_invalid_settings()
    {
        Assert.Throws<ArgumentException>(() => new RiskEngine(new RiskSettings { InitialCapital = 100 }, Timeframe.M1));
    }
}

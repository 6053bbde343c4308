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
            "Level 2: percentage 3 must be below take_profit_perc 2, which sells the rest.",
            "Level 3: ratio is a fraction of the entry quantity, greater than 0 and at most 1, i.e. up to 100 % (got 0 = 0 %).",
            "Level 3: percentage 1 appears more than once.",
            "The ratios add up to 1.3 (130 %); together they may sell at most the whole position (1 = 100 %).",
        ], errors["partial_take_profits_config"]);
        Assert.Equal(["Trailing stop is active but has no percentage."], errors["trailing_stop_perc"]);
    }

    [Fact]
    public void Settings_come_from_the_bot_columns_including_the_partial_json()
    {
        var bot = new BotConfig
        {
            InitialCapital = 500, PositionSizeFixed = 100, StopLossPerc = 2, TakeProfitPerc = 5,
            PartialTakeProfitsConfig = JsonDocument.Parse("""[{"percentage": 2.5, "ratio": 0.5}]"""),
        };
        var settings = RiskSettings.FromBotConfig(bot, out var errors);
        Assert.Empty(errors);
        Assert.Equal([new PartialTakeProfit(2.5m, 0.5m)], settings.PartialTakeProfits);
        Assert.Equal(0.001m, settings.FeeRate);

        bot.PartialTakeProfitsConfig = JsonDocument.Parse("""[{"percentage": "x"}, 3]""");
        RiskSettings.FromBotConfig(bot, out errors);
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

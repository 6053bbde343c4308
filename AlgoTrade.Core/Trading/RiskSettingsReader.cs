using System.Text.Json;
using AlgoTrade.Core.Validation;

namespace AlgoTrade.Core.Trading;

/// <summary>
/// The one reader of <see cref="RiskSettings"/> from JSON keyed by the <c>bot_configs</c> column names (bot and
/// backtest configs), recording a problem per field instead of stopping at the first.
/// </summary>
public static class RiskSettingsReader
{
    public const string FeeRateField = "fee_rate";
    public const string SlippageBpsField = "slippage_bps";

    /// <summary>The risk columns of <c>bot_configs</c>, which are also the keys of bot and backtest config JSON.</summary>
    public static IReadOnlyList<string> Fields { get; } =
    [
        "initial_capital", "position_size_perc", "position_size_fixed", "stop_loss_perc", "take_profit_perc",
        "trailing_stop_perc", "trailing_stop_active", PartialTakeProfitParser.Field, "max_trade_duration_hours",
        "daily_target_perc", "max_daily_loss_perc",
    ];

    /// <summary><see cref="Fields"/> plus the execution costs a backtest config also carries.</summary>
    public static IReadOnlyList<string> FieldsWithCosts { get; } = [.. Fields, FeeRateField, SlippageBpsField];

    /// <summary>The bot columns; fee and slippage keep their defaults.</summary>
    internal static RiskSettings Read(JsonElement root, ValidationErrors errors)
    {
        var r = new JsonFieldReader(root, errors);
        return new RiskSettings
        {
            InitialCapital = r.Decimal("initial_capital", required: true) ?? 0,
            PositionSizePerc = r.Decimal("position_size_perc"),
            PositionSizeFixed = r.Decimal("position_size_fixed"),
            StopLossPerc = r.Decimal("stop_loss_perc"),
            TakeProfitPerc = r.Decimal("take_profit_perc"),
            TrailingStopPerc = r.Decimal("trailing_stop_perc"),
            TrailingStopActive = r.Bool("trailing_stop_active") ?? false,
            PartialTakeProfits = root.TryGetProperty(PartialTakeProfitParser.Field, out var partials)
                ? PartialTakeProfitParser.Parse(partials, errors)
                : [],
            MaxTradeDurationHours = r.Int("max_trade_duration_hours"),
            DailyTargetPerc = r.Decimal("daily_target_perc"),
            MaxDailyLossPerc = r.Decimal("max_daily_loss_perc"),
        };
    }

    /// <summary>The bot columns plus <c>fee_rate</c> and <c>slippage_bps</c> (defaults when absent).</summary>
    internal static RiskSettings ReadWithCosts(JsonElement root, ValidationErrors errors)
    {
        var r = new JsonFieldReader(root, errors);
        return Read(root, errors) with
        {
            FeeRate = r.Decimal(FeeRateField) ?? RiskSettings.DefaultFeeRate,
            SlippageBps = r.Decimal(SlippageBpsField) ?? 0,
        };
    }
}

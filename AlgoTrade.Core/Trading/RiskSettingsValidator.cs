using System.Globalization;
using AlgoTrade.Core.Validation;

namespace AlgoTrade.Core.Trading;

/// <summary>
/// The one validator of a bot's risk settings (UI form, CLI, backtests and the runtime). Lists every problem,
/// keyed by the snake_case column name.
/// </summary>
public static class RiskSettingsValidator
{
    public const int MaxPartialTakeProfits = 16;

    // Upper bounds: beyond these a value is a typo, not a strategy, and amounts stay printable on every page.
    public const decimal MaxAmount = 10_000_000_000m;
    public const decimal MaxProfitPercent = 1_000m;
    public const int MaxTradeDurationHours = 8_760;

    public static IReadOnlyDictionary<string, string[]> Validate(RiskSettings s)
    {
        var e = new ValidationErrors();

        if (s.InitialCapital <= 0)
            e.Add("initial_capital", "Initial capital must be greater than 0.");
        else if (s.InitialCapital > MaxAmount)
            e.Add("initial_capital", $"Initial capital may be at most {N(MaxAmount)} (got {N(s.InitialCapital)}).");

        if (s.PositionSizePerc is null && s.PositionSizeFixed is null)
            e.Add("position_size_perc", "Set a position size: a percentage of the cash or a fixed amount per entry.");
        if (s.PositionSizePerc is { } perc && (perc <= 0 || perc > 100))
            e.Add("position_size_perc", $"Position size must be greater than 0 and at most 100 % of cash (got {F(perc)}).");
        if (s.PositionSizeFixed is { } fix && (fix <= 0 || fix > MaxAmount))
            e.Add("position_size_fixed", $"Fixed position size must be greater than 0 and at most {N(MaxAmount)} (got {N(fix)}).");

        if (s.StopLossPerc is { } sl && (sl <= 0 || sl >= 100))
            e.Add("stop_loss_perc", $"Stop-loss must be greater than 0 and less than 100 % (got {F(sl)}).");
        if (s.TakeProfitPerc is { } tp && (tp <= 0 || tp > MaxProfitPercent))
            e.Add("take_profit_perc", $"Take-profit must be greater than 0 % and at most {N(MaxProfitPercent)} % (got {N(tp)}).");
        if (s.TrailingStopPerc is { } tr && (tr <= 0 || tr >= 100))
            e.Add("trailing_stop_perc", $"Trailing stop must be greater than 0 and less than 100 % (got {F(tr)}).");
        if (s.TrailingStopActive && s.TrailingStopPerc is null)
            e.Add("trailing_stop_perc", "Trailing stop is active but has no percentage.");

        ValidatePartials(s, e);

        if (s.MaxTradeDurationHours is { } hours && (hours < 1 || hours > MaxTradeDurationHours))
            e.Add("max_trade_duration_hours",
                $"Maximum trade duration must be at least 1 hour and at most {N(MaxTradeDurationHours)} hours (a year; got {N(hours)}); leave it empty for no limit.");
        if (s.DailyTargetPerc is { } target && (target <= 0 || target > MaxProfitPercent))
            e.Add("daily_target_perc", $"Daily target must be greater than 0 % and at most {N(MaxProfitPercent)} % (got {N(target)}).");
        if (s.MaxDailyLossPerc is { } loss && (loss <= 0 || loss > 100))
            e.Add("max_daily_loss_perc", $"Maximum daily loss must be greater than 0 and at most 100 % (got {F(loss)}).");
        if (s.FeeRate < 0 || s.FeeRate >= 0.1m)
            e.Add("fee_rate", $"Fee rate is a fraction of notional, at least 0 and below 0.1 (0.001 = 0.1 %; got {F(s.FeeRate)}).");
        if (s.SlippageBps < 0 || s.SlippageBps >= 1000)
            e.Add("slippage_bps", $"Slippage must be at least 0 and below 1000 basis points (got {F(s.SlippageBps)}).");

        return e.ToDictionary();
    }

    private static void ValidatePartials(RiskSettings s, ValidationErrors e)
    {
        const string field = PartialTakeProfitParser.Field;
        var levels = s.PartialTakeProfits;
        if (levels.Count > MaxPartialTakeProfits)
            e.Add(field, $"At most {MaxPartialTakeProfits} partial take-profit levels (got {levels.Count}).");
        for (var i = 0; i < levels.Count; i++)
        {
            var (p, r) = (levels[i].Percentage, levels[i].Ratio);
            if (p <= 0 || p > MaxProfitPercent)
                e.Add(field, $"Level {i + 1}: percentage must be greater than 0 and at most {N(MaxProfitPercent)} (got {N(p)}).");
            if (r <= 0 || r > 1)
                e.Add(field, $"Level {i + 1}: ratio is a fraction of the entry quantity, greater than 0 and at most 1, i.e. up to 100 % (got {F(r)} = {F(r * 100)} %).");
            if (s.TakeProfitPerc is { } tp && p >= tp)
                e.Add(field, $"Level {i + 1}: percentage {F(p)} must be below the take-profit of {F(tp)} %, which sells the rest.");
            if (levels.Take(i).Any(l => l.Percentage == p))
                e.Add(field, $"Level {i + 1}: percentage {F(p)} appears more than once.");
        }
        var sum = levels.Sum(l => l.Ratio);
        if (sum > 1)
            e.Add(field, $"The ratios add up to {F(sum)} ({F(sum * 100)} %); together they may sell at most the whole position (1 = 100 %).");
    }

    private static string F(decimal v) => v.ToString("0.##########", CultureInfo.InvariantCulture);

    // With thousands separators, so a mistyped 99999999 reads as the 99,999,999 it is.
    private static string N(decimal v) => v.ToString("#,0.##########", CultureInfo.InvariantCulture);
}

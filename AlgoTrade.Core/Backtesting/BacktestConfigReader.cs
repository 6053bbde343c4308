using System.Text.Json;
using AlgoTrade.Core.Market;
using AlgoTrade.Core.Trading;
using AlgoTrade.Core.Validation;

namespace AlgoTrade.Core.Backtesting;

/// <summary>
/// Reads config JSON field by field, so that a wrong type in one field does not hide problems in the others
/// (System.Text.Json stops at the first). Then runs <see cref="BacktestConfigValidator"/>.
/// </summary>
public static class BacktestConfigReader
{
    private static readonly HashSet<string> KnownFields =
    [
        "symbol", "exchange_name", "timeframe", "start", "end", "strategy_type", "strategy_params", "initial_capital",
        "position_size_perc", "position_size_fixed", "stop_loss_perc", "take_profit_perc", "trailing_stop_perc",
        "trailing_stop_active", "partial_take_profits_config", "max_trade_duration_hours", "daily_target_perc",
        "max_daily_loss_perc", "fee_rate", "slippage_bps",
    ];

    public static BacktestConfigReadResult Read(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            return Fail("config", $"Not valid JSON: {ex.Message}");
        }
        using (document)
            return Read(document.RootElement);
    }

    public static BacktestConfigReadResult Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
            return Fail("config", "The config must be a JSON object.");

        var e = new ValidationErrors();
        foreach (var property in root.EnumerateObject())
            if (!KnownFields.Contains(property.Name))
                e.Add(property.Name, "Unknown field.");

        var r = new JsonFieldReader(root, e);
        var config = new BacktestConfig
        {
            Symbol = r.String("symbol") ?? "",
            ExchangeName = r.String("exchange_name"),
            Timeframe = r.String("timeframe") ?? "",
            Start = r.Time("start"),
            End = r.Time("end"),
            StrategyType = r.String("strategy_type") ?? "",
            StrategyParams = r.Object("strategy_params"),
            InitialCapital = r.Decimal("initial_capital", required: true) ?? 0,
            PositionSizePerc = r.Decimal("position_size_perc"),
            PositionSizeFixed = r.Decimal("position_size_fixed"),
            StopLossPerc = r.Decimal("stop_loss_perc"),
            TakeProfitPerc = r.Decimal("take_profit_perc"),
            TrailingStopPerc = r.Decimal("trailing_stop_perc"),
            TrailingStopActive = r.Bool("trailing_stop_active") ?? false,
            PartialTakeProfits = root.TryGetProperty(PartialTakeProfitParser.Field, out var partials)
                ? PartialTakeProfitParser.Parse(partials, e)
                : [],
            MaxTradeDurationHours = r.Int("max_trade_duration_hours"),
            DailyTargetPerc = r.Decimal("daily_target_perc"),
            MaxDailyLossPerc = r.Decimal("max_daily_loss_perc"),
            FeeRate = r.Decimal("fee_rate") ?? RiskSettings.DefaultFeeRate,
            SlippageBps = r.Decimal("slippage_bps") ?? 0,
        };

        // Fields that failed to read keep their defaults; validating those would only repeat the problem.
        var readErrors = e.ToDictionary();
        var rest = new ValidationErrors();
        BacktestConfigValidator.AddTo(config, rest);
        foreach (var (field, messages) in rest.ToDictionary())
            if (!readErrors.ContainsKey(field) && !(field.StartsWith("strategy_params.", StringComparison.Ordinal) && readErrors.ContainsKey("strategy_params")))
                foreach (var m in messages) e.Add(field, m);

        return e.IsEmpty
            ? new BacktestConfigReadResult(config, e.ToDictionary())
            : new BacktestConfigReadResult(null, e.ToDictionary());
    }

    private static BacktestConfigReadResult Fail(string field, string message)
    {
        var e = new ValidationErrors();
        e.Add(field, message);
        return new BacktestConfigReadResult(null, e.ToDictionary());
    }
}

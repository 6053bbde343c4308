using System.Text.Json;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Trading;
using AlgoTrade.Core.Validation;

namespace AlgoTrade.Core.Bots;

/// <summary>
/// Reads a bot's settings from JSON whose keys are the <c>bot_configs</c> column names (the CLI's input) and checks
/// them with <see cref="BotConfigValidator"/>, the same validator the form and the runtime use.
/// </summary>
public static class BotConfigReader
{
    private static readonly HashSet<string> KnownFields = new(StringComparer.Ordinal)
    {
        "name", "symbol", "timeframe", "exchange_name", "strategy_type", "strategy_params", "initial_capital",
        "daily_target_perc", "max_daily_loss_perc", "position_size_perc", "position_size_fixed", "stop_loss_perc",
        "take_profit_perc", "trailing_stop_perc", "trailing_stop_active", "check_interval_seconds",
        PartialTakeProfitParser.Field, "max_trade_duration_hours",
    };

    public static BotConfigReadResult Read(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            return new BotConfigReadResult(null, new Dictionary<string, string[]> { ["config"] = [$"Not valid JSON: {ex.Message}"] });
        }
        using (document)
            return Read(document.RootElement);
    }

    public static BotConfigReadResult Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
            return new BotConfigReadResult(null, new Dictionary<string, string[]> { ["config"] = ["The bot must be a JSON object."] });

        var e = new ValidationErrors();
        foreach (var property in root.EnumerateObject())
            if (!KnownFields.Contains(property.Name))
                e.Add(property.Name, "Unknown field.");

        var r = new JsonFieldReader(root, e);
        var bot = new BotConfig
        {
            Name = r.String("name") ?? "",
            Symbol = r.String("symbol") ?? "",
            Timeframe = r.String("timeframe") ?? "",
            ExchangeName = r.String("exchange_name") ?? ExchangeNames.Binance,
            StrategyType = r.String("strategy_type") ?? "",
            StrategyParams = JsonDocument.Parse(r.Object("strategy_params").GetRawText()),
            InitialCapital = r.Decimal("initial_capital", required: true) ?? 0,
            DailyTargetPerc = r.Decimal("daily_target_perc"),
            MaxDailyLossPerc = r.Decimal("max_daily_loss_perc"),
            PositionSizePerc = r.Decimal("position_size_perc"),
            PositionSizeFixed = r.Decimal("position_size_fixed"),
            StopLossPerc = r.Decimal("stop_loss_perc"),
            TakeProfitPerc = r.Decimal("take_profit_perc"),
            TrailingStopPerc = r.Decimal("trailing_stop_perc"),
            TrailingStopActive = r.Bool("trailing_stop_active") ?? false,
            CheckIntervalSeconds = r.Int("check_interval_seconds") ?? 60,
            PartialTakeProfitsConfig = JsonDocument.Parse(root.TryGetProperty(PartialTakeProfitParser.Field, out var partials)
                && partials.ValueKind != JsonValueKind.Null ? partials.GetRawText() : "[]"),
            MaxTradeDurationHours = r.Int("max_trade_duration_hours"),
        };

        // A field that failed to read keeps its default; validating it would only repeat the problem.
        var readErrors = e.ToDictionary();
        foreach (var (field, messages) in BotConfigValidator.ValidateSettings(bot))
            if (!readErrors.ContainsKey(field) && !(field.StartsWith(BotConfigValidator.StrategyParamsPrefix, StringComparison.Ordinal) && readErrors.ContainsKey("strategy_params")))
                foreach (var m in messages) e.Add(field, m);

        return e.IsEmpty ? new BotConfigReadResult(bot, e.ToDictionary()) : new BotConfigReadResult(null, e.ToDictionary());
    }
}

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
    private static readonly HashSet<string> KnownFields = new(RiskSettingsReader.Fields, StringComparer.Ordinal)
    {
        "name", "symbol", "timeframe", "exchange_name", "strategy_type", "strategy_params", "check_interval_seconds",
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
            Risk = RiskSettingsReader.Read(root, e),
            CheckIntervalSeconds = r.Int("check_interval_seconds") ?? 60,
        };

        // A field that failed to read keeps its default; validating it would only repeat the problem. Partial levels
        // that did read are still checked, as when the validator parsed the list itself.
        var readErrors = e.ToDictionary();
        foreach (var (field, messages) in BotConfigValidator.ValidateSettings(bot))
            if ((!readErrors.ContainsKey(field) || field == PartialTakeProfitParser.Field) && !(field.StartsWith(BotConfigValidator.StrategyParamsPrefix, StringComparison.Ordinal) && readErrors.ContainsKey("strategy_params")))
                foreach (var m in messages) e.Add(field, m);

        return e.IsEmpty ? new BotConfigReadResult(bot, e.ToDictionary()) : new BotConfigReadResult(null, e.ToDictionary());
    }
}

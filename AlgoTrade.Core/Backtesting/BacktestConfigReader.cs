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
        "symbol", "exchange_name", "timeframe", "start", "end", "strategy_type", "strategy_params",
        .. RiskSettingsReader.FieldsWithCosts,
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
            Risk = RiskSettingsReader.ReadWithCosts(root, e),
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

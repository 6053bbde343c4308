using System.Text.Json;
using System.Text.Json.Nodes;
using AlgoTrade.Core.Backtesting;

namespace AlgoTrade.Core.Sweeps;

/// <summary>The stored forms of a sweep: the definition and a point's parameters as {"target": value}.</summary>
public static class SweepJson
{
    public static JsonDocument WriteDefinition(SweepDefinition definition) => JsonDocument.Parse(BacktestJson.Serialize(definition));

    public static SweepDefinition ReadDefinition(JsonDocument json) =>
        json.RootElement.Deserialize<SweepDefinition>(BacktestJson.Options) ?? throw new InvalidOperationException("The stored sweep definition is empty.");

    public static JsonDocument WriteParams(IReadOnlyList<SweepTarget> targets, IReadOnlyList<decimal> values)
    {
        var json = new JsonObject();
        for (var i = 0; i < targets.Count; i++) json[targets[i].Key] = JsonValue.Create(values[i]);
        return JsonDocument.Parse(json.ToJsonString());
    }

    public static IReadOnlyDictionary<string, decimal> ReadParams(JsonDocument json) =>
        json.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDecimal(), StringComparer.Ordinal);

    /// <summary>The values <see cref="WriteParams"/> stored, in the order of <paramref name="targets"/>.</summary>
    public static decimal[] ReadValues(JsonDocument json, IReadOnlyList<SweepTarget> targets)
    {
        var values = ReadParams(json);
        return [.. targets.Select(t => values[t.Key])];
    }
}

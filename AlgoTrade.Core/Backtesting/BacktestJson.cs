using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using AlgoTrade.Core.Trading;

namespace AlgoTrade.Core.Backtesting;

/// <summary>snake_case JSON for configs, results and engine state, as stored in backtest_jobs and bot state.</summary>
public static class BacktestJson
{
    public static JsonSerializerOptions Options { get; } = Create(indented: false);
    public static JsonSerializerOptions IndentedOptions { get; } = Create(indented: true);

    public static string Serialize<T>(T value, bool indented = false) =>
        JsonSerializer.Serialize(value, indented ? IndentedOptions : Options);

    public static T? Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Options);

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            WriteIndented = indented,
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { FlattenRisk } },
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    // Configs stored and written before RiskSettings became one value have its fields at the top level; they stay there.
    private static void FlattenRisk(JsonTypeInfo info)
    {
        if (info.Type != typeof(BacktestConfig)) return;
        var nested = info.Properties.Single(p => p.PropertyType == typeof(RiskSettings));
        info.Properties.Remove(nested);
        foreach (var field in info.Options.GetTypeInfo(typeof(RiskSettings)).Properties)
        {
            var flat = info.CreateJsonPropertyInfo(field.PropertyType, field.Name);
            flat.CustomConverter = field.CustomConverter;
            if (field.Get is { } get) flat.Get = config => get(((BacktestConfig)config).Risk);
            // Each deserialised config starts with its own fresh RiskSettings, so filling it in place touches no other.
            if (field.Set is { } set) flat.Set = (config, value) => set(((BacktestConfig)config).Risk, value);
            info.Properties.Add(flat);
        }
    }
}

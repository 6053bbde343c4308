using System.Text.Json;
using AlgoTrade.Core.Trading;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace AlgoTrade.Core.Persistence.Configurations;

/// <summary>
/// <c>bot_configs.partial_take_profits_config</c>: <c>[{"percentage": p, "ratio": r}, …]</c>, the shape the seed
/// schema and every earlier writer stored.
/// </summary>
internal static class PartialTakeProfitsJson
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static ValueConverter<IReadOnlyList<PartialTakeProfit>, string> Converter { get; } = new(
        levels => JsonSerializer.Serialize(levels, Options),
        json => Read(json));

    public static ValueComparer<IReadOnlyList<PartialTakeProfit>> Comparer { get; } = new(
        (a, b) => a == null ? b == null : b != null && a.SequenceEqual(b),
        levels => levels.Aggregate(0, (hash, level) => HashCode.Combine(hash, level)),
        levels => levels.ToList());

    private static IReadOnlyList<PartialTakeProfit> Read(string json) =>
        JsonSerializer.Deserialize<List<PartialTakeProfit>>(json, Options) ?? [];
}

using System.Text.Json;
using AlgoTrade.Core.Validation;

namespace AlgoTrade.Core.Trading;

/// <summary>Reads <c>[{"percentage": p, "ratio": r}, …]</c>, reporting each malformed level instead of stopping.</summary>
public static class PartialTakeProfitParser
{
    public const string Field = "partial_take_profits_config";

    public static IReadOnlyList<PartialTakeProfit> Parse(JsonElement json, ValidationErrors errors)
    {
        if (json.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null) return [];
        if (json.ValueKind != JsonValueKind.Array)
        {
            errors.Add(Field, "Partial take-profits must be a list of {\"percentage\": p, \"ratio\": r} objects.");
            return [];
        }
        var result = new List<PartialTakeProfit>();
        var index = 0;
        foreach (var item in json.EnumerateArray())
        {
            index++;
            if (item.ValueKind != JsonValueKind.Object)
            {
                errors.Add(Field, $"Level {index} must be an object with \"percentage\" and \"ratio\".");
                continue;
            }
            decimal? percentage = null, ratio = null;
            foreach (var property in item.EnumerateObject())
            {
                if (property.Name is not ("percentage" or "ratio"))
                {
                    errors.Add(Field, $"Level {index}: unknown key \"{property.Name}\" (expected \"percentage\" and \"ratio\").");
                    continue;
                }
                if (property.Value.ValueKind != JsonValueKind.Number || !property.Value.TryGetDecimal(out var value))
                {
                    errors.Add(Field, $"Level {index}: \"{property.Name}\" must be a number.");
                    continue;
                }
                if (property.Name == "percentage") percentage = value;
                else ratio = value;
            }
            if (!item.TryGetProperty("percentage", out _)) errors.Add(Field, $"Level {index}: \"percentage\" is missing.");
            if (!item.TryGetProperty("ratio", out _)) errors.Add(Field, $"Level {index}: \"ratio\" is missing.");
            if (percentage is { } p && ratio is { } r) result.Add(new PartialTakeProfit(p, r));
        }
        return result;
    }
}

using System.Text.Json;
using AlgoTrade.Core.Market;

namespace AlgoTrade.Core.Validation;

/// <summary>Reads typed fields of a JSON object, recording a problem per field instead of stopping at the first.</summary>
internal readonly struct JsonFieldReader(JsonElement root, ValidationErrors errors)
{
    private JsonElement? Get(string name) =>
        root.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v : null;

    public string? String(string name)
    {
        if (Get(name) is not { } v) return null;
        if (v.ValueKind == JsonValueKind.String) return v.GetString();
        errors.Add(name, "Must be a string.");
        return null;
    }

    public decimal? Decimal(string name, bool required = false)
    {
        if (Get(name) is not { } v)
        {
            if (required) errors.Add(name, "Required.");
            return null;
        }
        if (v.ValueKind == JsonValueKind.Number && v.TryGetDecimal(out var d)) return d;
        errors.Add(name, "Must be a number.");
        return null;
    }

    public int? Int(string name)
    {
        if (Get(name) is not { } v) return null;
        if (v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i)) return i;
        errors.Add(name, "Must be a whole number.");
        return null;
    }

    public bool? Bool(string name)
    {
        if (Get(name) is not { } v) return null;
        if (v.ValueKind is JsonValueKind.True or JsonValueKind.False) return v.GetBoolean();
        errors.Add(name, "Must be true or false.");
        return null;
    }

    public DateTime? Time(string name)
    {
        var text = String(name);
        if (text is null) return null;
        if (CandleCsvImporter.TryParseUtc(text.AsSpan().Trim(), out var t)) return t;
        errors.Add(name, $"'{text}' is not a date-time; use ISO 8601 in UTC, e.g. 2024-01-31T00:00:00Z.");
        return null;
    }

    public JsonElement Object(string name)
    {
        if (Get(name) is not { } v) return JsonDocument.Parse("{}").RootElement.Clone();
        if (v.ValueKind == JsonValueKind.Object) return v.Clone();
        errors.Add(name, "Must be a JSON object of parameter values.");
        return JsonDocument.Parse("{}").RootElement.Clone();
    }
}

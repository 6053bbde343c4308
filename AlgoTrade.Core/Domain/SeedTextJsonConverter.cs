using System.Text.Json;
using System.Text.Json.Serialization;

namespace AlgoTrade.Core.Domain;

/// <summary>Reads and writes an enum as its seed text; unknown text is a <see cref="JsonException"/>.</summary>
public abstract class SeedTextJsonConverter<TEnum>(SeedText<TEnum> texts) : JsonConverter<TEnum> where TEnum : struct, Enum
{
    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        return texts.TryParse(text, out var value) ? value : throw new JsonException($"Unknown {texts.What} '{text}'.");
    }

    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) => writer.WriteStringValue(texts.ToText(value));
}

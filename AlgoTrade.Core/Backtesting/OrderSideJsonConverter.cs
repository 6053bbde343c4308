using System.Text.Json;
using System.Text.Json.Serialization;
using AlgoTrade.Core.Trading;

namespace AlgoTrade.Core.Backtesting;

/// <summary>Writes sides as the trades table spells them: BUY / SELL.</summary>
public sealed class OrderSideJsonConverter : JsonConverter<OrderSide>
{
    public override OrderSide Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetString() is { } text && text == text.ToUpperInvariant() && OrderSideText.TryParse(text, out var side)
            ? side
            : throw new JsonException($"Unknown side '{reader.GetString()}'.");

    public override void Write(Utf8JsonWriter writer, OrderSide value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToText());
}

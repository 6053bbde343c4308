using System.Text.Json;
using System.Text.Json.Serialization;

namespace AlgoTrade.Core.Domain;

public sealed class BotStatusJsonConverter : JsonConverter<BotStatus>
{
    public override BotStatus Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        BotStatusText.TryParse(reader.GetString(), out var status) ? status : throw new JsonException($"Unknown bot status '{reader.GetString()}'.");

    public override void Write(Utf8JsonWriter writer, BotStatus value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToText());
}

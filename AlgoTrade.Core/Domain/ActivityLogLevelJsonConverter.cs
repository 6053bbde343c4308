using System.Text.Json;
using System.Text.Json.Serialization;

namespace AlgoTrade.Core.Domain;

public sealed class ActivityLogLevelJsonConverter : JsonConverter<ActivityLogLevel>
{
    public override ActivityLogLevel Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ActivityLogLevelText.TryParse(reader.GetString(), out var level) ? level : throw new JsonException($"Unknown activity log level '{reader.GetString()}'.");

    public override void Write(Utf8JsonWriter writer, ActivityLogLevel value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToText());
}

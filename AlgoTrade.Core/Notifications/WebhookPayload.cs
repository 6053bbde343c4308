using System.Text.Json;
using System.Text.Json.Serialization;

namespace AlgoTrade.Core.Notifications;

/// <summary>The JSON body POSTed to a webhook (snake_case). Fields that do not apply to a type are null.</summary>
public sealed record WebhookPayload(
    string Type,
    int BotId,
    string BotName,
    string? Symbol,
    string? Side,
    decimal? Price,
    decimal? Quantity,
    decimal? Pnl,
    string? Reason,
    DateTime Time,
    bool Test = false)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public byte[] ToUtf8Json() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    public static WebhookPayload? Parse(ReadOnlySpan<byte> json) => JsonSerializer.Deserialize<WebhookPayload>(json, Json);
}

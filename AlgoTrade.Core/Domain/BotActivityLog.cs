using System.Text.Json;

namespace AlgoTrade.Core.Domain;

public class BotActivityLog
{
    public long Id { get; set; }
    public int BotConfigId { get; set; }
    public int UserId { get; set; }
    public DateTime Timestamp { get; set; }
    public ActivityLogLevel LogLevel { get; set; } = ActivityLogLevel.Info;
    public string Message { get; set; } = "";
    public JsonDocument? Details { get; set; }

    public BotConfig? BotConfig { get; set; }
}

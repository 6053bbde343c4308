using System.Text.Json.Serialization;

namespace AlgoTrade.Core.Domain;

/// <summary>
/// How much an activity log row matters (<c>bot_activity_logs.log_level</c>), stored and shown as the seed spells it:
/// <c>DEBUG</c>, <c>INFO</c>, <c>WARNING</c>, <c>ERROR</c> (<see cref="ActivityLogLevelText"/>). JSON carries the same text.
/// </summary>
[JsonConverter(typeof(ActivityLogLevelJsonConverter))]
public enum ActivityLogLevel
{
    Debug,
    Info,
    Warning,
    Error,
}

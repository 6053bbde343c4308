using System.Text.Json.Serialization;

namespace AlgoTrade.Core.Domain;

/// <summary>
/// A bot's run state (<c>bot_state.status</c>), stored and shown as the seed spells it: <c>running</c>, <c>stopped</c>,
/// <c>error</c>, plus <c>paused</c> (<see cref="BotStatusText"/>). JSON carries the same text.
/// </summary>
[JsonConverter(typeof(BotStatusJsonConverter))]
public enum BotStatus
{
    Running,
    Stopped,
    Error,
    /// <summary>Running but entries blocked until the next UTC day by a daily limit.</summary>
    Paused,
}

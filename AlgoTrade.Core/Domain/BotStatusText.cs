namespace AlgoTrade.Core.Domain;

/// <summary><see cref="BotStatus"/> as <c>bot_state.status</c> and every outward text (pages, events, webhooks, emails) spell it.</summary>
public static class BotStatusText
{
    public const string Running = "running";
    public const string Stopped = "stopped";
    public const string Error = "error";
    public const string Paused = "paused";

    public static readonly IReadOnlyList<BotStatus> All = [BotStatus.Running, BotStatus.Stopped, BotStatus.Error, BotStatus.Paused];

    public static string ToText(this BotStatus status) => status switch
    {
        BotStatus.Running => Running,
        BotStatus.Stopped => Stopped,
        BotStatus.Error => Error,
        BotStatus.Paused => Paused,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static bool TryParse(string? text, out BotStatus status)
    {
        status = BotStatus.Stopped;
        switch (text)
        {
            case Running: status = BotStatus.Running; return true;
            case Stopped: return true;
            case Error: status = BotStatus.Error; return true;
            case Paused: status = BotStatus.Paused; return true;
            default: return false;
        }
    }

    public static BotStatus Parse(string text) =>
        TryParse(text, out var status) ? status : throw new FormatException($"Unknown bot status '{text}'.");
}

namespace AlgoTrade.Core.Domain;

/// <summary><see cref="BotStatus"/> as <c>bot_state.status</c> and every outward text (pages, events, webhooks, emails) spell it.</summary>
public static class BotStatusText
{
    public const string Running = "running";
    public const string Stopped = "stopped";
    public const string Error = "error";
    public const string Paused = "paused";

    public static readonly SeedText<BotStatus> Texts = new("bot status",
        (BotStatus.Running, Running), (BotStatus.Stopped, Stopped), (BotStatus.Error, Error), (BotStatus.Paused, Paused));

    public static IReadOnlyList<BotStatus> All => Texts.All;

    public static string ToText(this BotStatus status) => Texts.ToText(status);

    public static bool TryParse(string? text, out BotStatus status) => Texts.TryParse(text, out status);

    public static BotStatus Parse(string text) => Texts.Parse(text);
}

namespace AlgoTrade.Core.Domain;

public static class BotStatus
{
    public const string Running = "running";
    public const string Stopped = "stopped";
    public const string Error = "error";
    /// <summary>Running but entries blocked until the next UTC day by a daily limit.</summary>
    public const string Paused = "paused";

    public static readonly IReadOnlyList<string> All = [Running, Stopped, Error, Paused];
}

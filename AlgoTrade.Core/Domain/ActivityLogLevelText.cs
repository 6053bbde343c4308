namespace AlgoTrade.Core.Domain;

/// <summary>
/// <see cref="ActivityLogLevel"/> as <c>bot_activity_logs.log_level</c> and every outward text (pages, explorer URLs,
/// CSV/JSON exports, relayed events) spell it.
/// </summary>
public static class ActivityLogLevelText
{
    public const string Debug = "DEBUG";
    public const string Info = "INFO";
    public const string Warning = "WARNING";
    public const string Error = "ERROR";

    /// <summary>Least to most severe, the order of the level pickers. Exact, upper-case text only.</summary>
    public static readonly SeedText<ActivityLogLevel> Texts = new("activity log level",
        (ActivityLogLevel.Debug, Debug), (ActivityLogLevel.Info, Info), (ActivityLogLevel.Warning, Warning), (ActivityLogLevel.Error, Error));

    public static IReadOnlyList<ActivityLogLevel> All => Texts.All;

    public static string ToText(this ActivityLogLevel level) => Texts.ToText(level);

    public static bool TryParse(string? text, out ActivityLogLevel level) => Texts.TryParse(text, out level);

    public static ActivityLogLevel Parse(string text) => Texts.Parse(text);
}

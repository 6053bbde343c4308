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

    /// <summary>Least to most severe, the order of the level pickers.</summary>
    public static readonly IReadOnlyList<ActivityLogLevel> All = [ActivityLogLevel.Debug, ActivityLogLevel.Info, ActivityLogLevel.Warning, ActivityLogLevel.Error];

    public static string ToText(this ActivityLogLevel level) => level switch
    {
        ActivityLogLevel.Debug => Debug,
        ActivityLogLevel.Info => Info,
        ActivityLogLevel.Warning => Warning,
        ActivityLogLevel.Error => Error,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
    };

    /// <summary>Exact, upper-case text only: callers that accept what people type upper-case it first.</summary>
    public static bool TryParse(string? text, out ActivityLogLevel level)
    {
        level = ActivityLogLevel.Info;
        switch (text)
        {
            case Debug: level = ActivityLogLevel.Debug; return true;
            case Info: return true;
            case Warning: level = ActivityLogLevel.Warning; return true;
            case Error: level = ActivityLogLevel.Error; return true;
            default: return false;
        }
    }

    public static ActivityLogLevel Parse(string text) =>
        TryParse(text, out var level) ? level : throw new FormatException($"Unknown activity log level '{text}'.");
}

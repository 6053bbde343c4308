namespace AlgoTrade.Core.Domain;

public static class ActivityLogLevel
{
    public const string Info = "INFO";
    public const string Warning = "WARNING";
    public const string Error = "ERROR";
    public const string Debug = "DEBUG";

    public static readonly IReadOnlyList<string> All = [Debug, Info, Warning, Error];
}

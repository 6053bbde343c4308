namespace AlgoTrade.Core.Domain;

public static class AppSettingKeys
{
    /// <summary>Whole days of activity log kept; absent means keep everything.</summary>
    public const string ActivityLogRetentionDays = "activity_log.retention_days";
}

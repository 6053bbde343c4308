namespace AlgoTrade.Core.Domain;

public static class AppSettingKeys
{
    /// <summary>Whole days of activity log kept; absent means keep everything.</summary>
    public const string ActivityLogRetentionDays = "activity_log.retention_days";

    /// <summary>"true" when every admin must sign in with two-factor authentication.</summary>
    public const string RequireTwoFactorForAdmins = "security.require_2fa_for_admins";
}

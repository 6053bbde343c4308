namespace AlgoTrade.Core.Domain;

/// <summary>Values of admin_audit_log.action and target_type.</summary>
public static class AdminActions
{
    public const string DeactivateUser = "user.deactivate";
    public const string ActivateUser = "user.activate";
    public const string PromoteUser = "user.promote";
    public const string DemoteUser = "user.demote";
    public const string StopBot = "bot.stop";
    public const string ChangeRetention = "settings.retention";
    public const string ResetTwoFactor = "user.reset_2fa";
    public const string RequireTwoFactorForAdmins = "settings.require_2fa_for_admins";
    public const string CancelJob = "job.cancel";

    public static readonly IReadOnlyList<string> All = [DeactivateUser, ActivateUser, PromoteUser, DemoteUser, StopBot, ChangeRetention, ResetTwoFactor, RequireTwoFactorForAdmins, CancelJob];

    public const string TargetUser = "user";
    public const string TargetBot = "bot";
    public const string TargetSetting = "setting";
    public const string TargetJob = "job";
}

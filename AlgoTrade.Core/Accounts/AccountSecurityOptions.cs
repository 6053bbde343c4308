namespace AlgoTrade.Core.Accounts;

/// <summary>Email verification, password reset, two-factor and session lifetimes (section "Accounts", like <see cref="AccountOptions"/>).</summary>
public class AccountSecurityOptions
{
    public TimeSpan EmailVerificationLifetime { get; set; } = TimeSpan.FromHours(48);
    public TimeSpan PasswordResetLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a passed two-factor check counts as recent (adding or re-checking API keys needs one).</summary>
    public TimeSpan RecentTwoFactorWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>A session unused for this long is over, whatever its cookie says.</summary>
    public TimeSpan SessionIdleLifetime { get; set; } = TimeSpan.FromDays(14);

    public string TwoFactorIssuer { get; set; } = "AlgoTrade";
}

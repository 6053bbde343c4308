namespace AlgoTrade.Web.Security;

/// <summary>Limits on sign-in, registration, reset and two-factor attempts, per client IP and per account.</summary>
public class AuthRateLimitOptions
{
    public const string Section = "AuthRateLimits";

    /// <summary>Account form submissions (all of them together) one IP address may make per <see cref="IpWindow"/>.</summary>
    public int PermitsPerIp { get; set; } = 30;
    public TimeSpan IpWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Attempts of one kind (sign-in, reset request, two-factor code) against one account per <see cref="AccountWindow"/>.</summary>
    public int PermitsPerAccount { get; set; } = 10;
    public TimeSpan AccountWindow { get; set; } = TimeSpan.FromMinutes(15);
}

namespace AlgoTrade.Core.Accounts;

public class AccountOptions
{
    public const string Section = "Accounts";

    public int MaxFailedLogins { get; set; } = 5;
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);
}

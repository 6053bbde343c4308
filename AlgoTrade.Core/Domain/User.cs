namespace AlgoTrade.Core.Domain;

public class User
{
    public int Id { get; set; }
    public string Email { get; set; } = "";
    public string HashedPassword { get; set; } = "";
    public bool IsActive { get; set; } = true;
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    // Additions to the seed (docs/data-model.md).
    public string Role { get; set; } = UserRoles.Trader;
    public int FailedLoginCount { get; set; }
    public DateTime? LockoutEndAt { get; set; }
    public string SecurityStamp { get; set; } = Guid.NewGuid().ToString("N");
    public DateTime? LastLoginAt { get; set; }

    /// <summary>The webhook signing secret, Data Protection-protected; the plaintext is shown to the user once.</summary>
    public string? NotificationSigningSecret { get; set; }

    // Email, password reset and two-factor sign-in (docs/accounts.md).
    public DateTime? EmailVerifiedAt { get; set; }

    /// <summary>The TOTP seed, Data Protection-protected; set during enrolment, active once <see cref="TwoFactorEnabledAt"/> is set.</summary>
    public string? TwoFactorSecret { get; set; }
    public DateTime? TwoFactorEnabledAt { get; set; }

    /// <summary>The last TOTP time step accepted, so a code cannot be used twice.</summary>
    public long? TwoFactorLastTimeStep { get; set; }

    public bool DigestEnabled { get; set; }
    public int DigestHourUtc { get; set; } = 7;
    public DateOnly? DigestLastSentOn { get; set; }

    public List<ApiKey> ApiKeys { get; set; } = [];
    public List<BotConfig> BotConfigs { get; set; } = [];
}

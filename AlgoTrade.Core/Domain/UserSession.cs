namespace AlgoTrade.Core.Domain;

/// <summary>One signed-in browser. The auth cookie names its id; ending the row ends the cookie on its next request.</summary>
public class UserSession
{
    public string Id { get; set; } = "";
    public int UserId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime LastSeenAt { get; set; }
    public string? IpAddress { get; set; }
    public string? UserAgent { get; set; }
    public DateTime? RevokedAt { get; set; }
    public string? RevokedReason { get; set; }

    /// <summary>When this session last passed a two-factor check (sign-in or a re-check before API key changes).</summary>
    public DateTime? TwoFactorVerifiedAt { get; set; }

    public User? User { get; set; }
}

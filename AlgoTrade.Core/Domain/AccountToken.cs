namespace AlgoTrade.Core.Domain;

/// <summary>A single-use, time-limited token sent by email; only its SHA-256 is stored.</summary>
public class AccountToken
{
    public long Id { get; set; }
    public int UserId { get; set; }
    public string Purpose { get; set; } = "";
    public string TokenHash { get; set; } = "";

    /// <summary>The address the token was sent to: verifying it proves that address, not a later one.</summary>
    public string Email { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? UsedAt { get; set; }

    public User? User { get; set; }
}

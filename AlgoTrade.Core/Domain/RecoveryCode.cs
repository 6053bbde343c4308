namespace AlgoTrade.Core.Domain;

/// <summary>A one-time two-factor recovery code; only its hash is stored.</summary>
public class RecoveryCode
{
    public long Id { get; set; }
    public int UserId { get; set; }
    public string CodeHash { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? UsedAt { get; set; }

    public User? User { get; set; }
}

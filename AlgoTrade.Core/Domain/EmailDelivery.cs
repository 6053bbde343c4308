namespace AlgoTrade.Core.Domain;

/// <summary>
/// One email in the durable outbox. Bodies are Data Protection-protected because some carry single-use links;
/// the user's delivery log shows kind, recipient, subject, status and the server's reply, never the body.
/// </summary>
public class EmailDelivery
{
    public long Id { get; set; }
    public int? UserId { get; set; }
    public string Kind { get; set; } = "";
    public string ToAddress { get; set; } = "";
    public string Subject { get; set; } = "";
    public string ProtectedTextBody { get; set; } = "";
    public string ProtectedHtmlBody { get; set; } = "";
    public string? UnsubscribeUrl { get; set; }
    public EmailDeliveryStatus Status { get; set; } = EmailDeliveryStatus.Pending;
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public DateTime? LockedUntil { get; set; }
    public string? LockedBy { get; set; }
    public string? LastError { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? SentAt { get; set; }

    public User? User { get; set; }
}

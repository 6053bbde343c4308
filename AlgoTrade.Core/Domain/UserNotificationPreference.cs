namespace AlgoTrade.Core.Domain;

public class UserNotificationPreference
{
    public int Id { get; set; }
    public int UserId { get; set; }
    public string NotificationType { get; set; } = "";
    public bool EmailEnabled { get; set; }
    public string? WebhookUrl { get; set; }
    public bool WebhookEnabled { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public User? User { get; set; }
}

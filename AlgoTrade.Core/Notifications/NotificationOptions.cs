namespace AlgoTrade.Core.Notifications;

public class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>Allow http:// webhooks to loopback hosts (Development and tests); otherwise only https:// is accepted.</summary>
    public bool AllowLoopbackHttp { get; set; }

    public TimeSpan WebhookTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Attempts per notification, the first included.</summary>
    public int WebhookMaxAttempts { get; set; } = 4;

    /// <summary>Delay before the second attempt; doubles for each further one.</summary>
    public TimeSpan WebhookRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Notifications waiting for delivery; beyond this new ones are dropped with a warning.</summary>
    public int QueueCapacity { get; set; } = 1_000;

    /// <summary>Deliveries running at once, so one slow receiver does not hold up everybody else's.</summary>
    public int Workers { get; set; } = 4;

    /// <summary>How long a user's preferences are reused before they are read again.</summary>
    public TimeSpan PreferenceCacheDuration { get; set; } = TimeSpan.FromSeconds(30);
}

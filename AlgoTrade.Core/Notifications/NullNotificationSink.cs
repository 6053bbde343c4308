namespace AlgoTrade.Core.Notifications;

/// <summary>Used when the host did not register notifications (the CLI).</summary>
public sealed class NullNotificationSink : INotificationSink
{
    public void Notify(int userId, string type, NotificationMessage message)
    {
    }
}

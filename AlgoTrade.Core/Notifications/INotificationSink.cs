namespace AlgoTrade.Core.Notifications;

/// <summary>Where Core raises account and backtest notifications; never blocks and never throws into the caller.</summary>
public interface INotificationSink
{
    void Notify(int userId, string type, NotificationMessage message);
}

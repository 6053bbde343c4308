using System.Collections.Concurrent;
using AlgoTrade.Core.Notifications;

namespace AlgoTrade.Tests.Runtime;

/// <summary>Keeps every notification Core raises, for tests of where they are raised.</summary>
public sealed class RecordingNotificationSink : INotificationSink
{
    public ConcurrentQueue<(int UserId, string Type, NotificationMessage Message)> Raised { get; } = new();

    public void Notify(int userId, string type, NotificationMessage message) => Raised.Enqueue((userId, type, message));
}

using AlgoTrade.Core.Notifications;
using AlgoTrade.Hosting.Live;

namespace AlgoTrade.Web.Notifications;

/// <summary>
/// Feeds the notification dispatcher the bot events published on this node only: in a cluster every node also receives
/// the others' events through the PostgreSQL relay, and each notification must be sent by exactly one node.
/// </summary>
public sealed class LocalNotificationFeed(BotEventHub hub, NotificationDispatcher dispatcher) : IHostedService
{
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = hub.SubscribeLocal(e =>
        {
            dispatcher.TryEnqueue(e);
            return Task.CompletedTask;
        }, e => NotificationTypes.Classify(e) is not null);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }
}

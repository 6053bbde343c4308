using System.Collections.Immutable;
using AlgoTrade.Core.Events;
using Microsoft.Extensions.Logging;

namespace AlgoTrade.Hosting.Live;

/// <summary>In-process fan-out of bot events; <see cref="PostgresEventRelay"/> carries them to and from other nodes.</summary>
public sealed class BotEventHub(ILogger<BotEventHub> logger) : IBotEventHub
{
    private ImmutableArray<Subscription> _subscriptions = [];

    /// <summary>Raised for events published on this node, so the relay can forward them.</summary>
    internal event Action<BotEvent>? PublishedLocally;

    public void Publish(BotEvent botEvent)
    {
        Fan(botEvent, relayed: false);
        PublishedLocally?.Invoke(botEvent);
    }

    /// <summary>Delivers an event that another node published (not to local-only subscribers).</summary>
    internal void Deliver(BotEvent botEvent) => Fan(botEvent, relayed: true);

    private void Fan(BotEvent botEvent, bool relayed)
    {
        foreach (var subscription in _subscriptions)
        {
            if (relayed && subscription.LocalOnly) continue;
            if (subscription.Filter is not null && !subscription.Filter(botEvent)) continue;
            _ = InvokeAsync(subscription, botEvent);
        }
    }

    private async Task InvokeAsync(Subscription subscription, BotEvent botEvent)
    {
        try
        {
            await subscription.Handler(botEvent);
        }
        catch (Exception ex)
        {
            // A broken listener (a closed circuit, say) must not stop the others or the publisher.
            logger.LogWarning(ex, "Bot event listener failed for bot {BotId}", botEvent.BotId);
        }
    }

    public IDisposable Subscribe(Func<BotEvent, Task> handler, Func<BotEvent, bool>? filter = null) => Add(handler, filter, localOnly: false);

    /// <summary>
    /// Only events published on this node, never those relayed from other nodes: for side effects that must happen once
    /// per event in a cluster (webhooks), where every node would otherwise act on every event.
    /// </summary>
    public IDisposable SubscribeLocal(Func<BotEvent, Task> handler, Func<BotEvent, bool>? filter = null) => Add(handler, filter, localOnly: true);

    private IDisposable Add(Func<BotEvent, Task> handler, Func<BotEvent, bool>? filter, bool localOnly)
    {
        var subscription = new Subscription(this, handler, filter, localOnly);
        ImmutableInterlocked.Update(ref _subscriptions, s => s.Add(subscription));
        return subscription;
    }

    internal int SubscriberCount => _subscriptions.Length;

    private void Remove(Subscription subscription) => ImmutableInterlocked.Update(ref _subscriptions, s => s.Remove(subscription));

    private sealed class Subscription(BotEventHub hub, Func<BotEvent, Task> handler, Func<BotEvent, bool>? filter, bool localOnly) : IDisposable
    {
        public bool LocalOnly { get; } = localOnly;
        public Func<BotEvent, Task> Handler { get; } = handler;
        public Func<BotEvent, bool>? Filter { get; } = filter;

        public void Dispose() => hub.Remove(this);
    }
}

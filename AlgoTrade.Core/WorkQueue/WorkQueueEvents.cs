using System.Collections.Immutable;
using Microsoft.Extensions.Logging;

namespace AlgoTrade.Core.WorkQueue;

/// <summary>
/// Work item events on this node. <see cref="WorkQueueListener"/> delivers every node's events here (they travel by
/// NOTIFY, also this node's own), so a page on any node sees progress of an item running on any other.
/// </summary>
public sealed class WorkQueueEvents(ILogger<WorkQueueEvents> logger)
{
    private ImmutableArray<Subscription> _subscriptions = [];

    /// <summary>Handlers run on the listener's thread and must be quick (components marshal with InvokeAsync).</summary>
    public IDisposable Subscribe(Func<WorkItemEvent, Task> handler, Func<WorkItemEvent, bool>? filter = null)
    {
        var subscription = new Subscription(this, handler, filter);
        ImmutableInterlocked.Update(ref _subscriptions, s => s.Add(subscription));
        return subscription;
    }

    internal void Deliver(WorkItemEvent e)
    {
        foreach (var subscription in _subscriptions)
        {
            if (subscription.Filter is not null && !subscription.Filter(e)) continue;
            _ = InvokeAsync(subscription, e);
        }
    }

    private async Task InvokeAsync(Subscription subscription, WorkItemEvent e)
    {
        try
        {
            await subscription.Handler(e);
        }
        catch (Exception ex)
        {
            // A closed circuit must not stop the other listeners.
            logger.LogWarning(ex, "Work item event listener failed for job {JobId}", e.JobId);
        }
    }

    private void Remove(Subscription subscription) => ImmutableInterlocked.Update(ref _subscriptions, s => s.Remove(subscription));

    private sealed class Subscription(WorkQueueEvents hub, Func<WorkItemEvent, Task> handler, Func<WorkItemEvent, bool>? filter) : IDisposable
    {
        public Func<WorkItemEvent, Task> Handler { get; } = handler;
        public Func<WorkItemEvent, bool>? Filter { get; } = filter;
        public void Dispose() => hub.Remove(this);
    }
}

using System.Collections.Concurrent;
using AlgoTrade.Core.Runtime;

namespace AlgoTrade.Tests.Admin;

/// <summary>Records what the admin services ask of the scheduler.</summary>
public sealed class FakeScheduleControl : IBotScheduleControl
{
    public ConcurrentBag<int> Unscheduled { get; } = [];

    public Task ScheduleAsync(int botId, int intervalSeconds, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task TriggerNowAsync(int botId, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task UnscheduleAsync(int botId, CancellationToken cancellationToken = default)
    {
        Unscheduled.Add(botId);
        return Task.CompletedTask;
    }
}

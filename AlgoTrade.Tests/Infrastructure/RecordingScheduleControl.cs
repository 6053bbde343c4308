using System.Collections.Concurrent;
using AlgoTrade.Core.Runtime;

namespace AlgoTrade.Tests.Infrastructure;

/// <summary>Stands in for Quartz where a test only needs to see what the services asked the scheduler to do.</summary>
public sealed class RecordingScheduleControl : IBotScheduleControl
{
    public ConcurrentDictionary<int, int> Scheduled { get; } = new();
    public ConcurrentQueue<string> Calls { get; } = new();

    public Task ScheduleAsync(int botId, int intervalSeconds, CancellationToken cancellationToken = default)
    {
        Scheduled[botId] = intervalSeconds;
        Calls.Enqueue($"schedule {botId} {intervalSeconds}");
        return Task.CompletedTask;
    }

    public Task TriggerNowAsync(int botId, CancellationToken cancellationToken = default)
    {
        Calls.Enqueue($"trigger {botId}");
        return Task.CompletedTask;
    }

    public Task UnscheduleAsync(int botId, CancellationToken cancellationToken = default)
    {
        Scheduled.TryRemove(botId, out _);
        Calls.Enqueue($"unschedule {botId}");
        return Task.CompletedTask;
    }
}

namespace AlgoTrade.Web.Admin;

/// <summary>What the System page shows about scheduling; <see cref="Wired"/> is false until the app registers Quartz.</summary>
public sealed record SchedulerStatus(
    bool Wired,
    string StoreMode,
    string? SchedulerName,
    string? InstanceId,
    string? State,
    bool Persistent,
    bool Clustered,
    int ThreadPoolSize,
    DateTimeOffset? RunningSince,
    long JobsExecuted,
    int ScheduledBots,
    int OverdueTriggers,
    IReadOnlyList<ScheduledFire> NextFires,
    IReadOnlyList<SchedulerNode> Nodes,
    TickMetricsSnapshot? Metrics)
{
    public static SchedulerStatus NotWired(string storeMode) =>
        new(false, storeMode, null, null, null, false, false, 0, null, 0, 0, 0, [], [], null);
}

public sealed record ScheduledFire(string Job, DateTimeOffset? Next, DateTimeOffset? Previous);

public sealed record SchedulerNode(string InstanceId, DateTimeOffset? LastCheckIn, TimeSpan? CheckInInterval, string State, bool IsCurrent);

public sealed record TickMetricsSnapshot(long Ticks, long Missed, long Overlaps, long Failures, double LatenessP50Ms, double LatenessP99Ms);

namespace AlgoTrade.Core.WorkQueue;

public static class WorkProgress
{
    /// <summary>Time left at the rate so far: elapsed × (1 − p) / p. Null before 1 % (too noisy) or when not running.</summary>
    public static TimeSpan? Remaining(WorkItemStatus status, double progress, DateTime? startedAt, DateTime now) =>
        status == WorkItemStatus.Running ? Remaining(progress, startedAt, now) : null;

    /// <summary>For a running job: null before 1 % or at 100 %.</summary>
    public static TimeSpan? Remaining(double progress, DateTime? startedAt, DateTime now)
    {
        if (startedAt is not { } started || progress < 0.01 || progress >= 1) return null;
        var elapsed = now - started;
        if (elapsed <= TimeSpan.Zero) return null;
        return TimeSpan.FromTicks((long)(elapsed.Ticks * (1 - progress) / progress));
    }
}

namespace AlgoTrade.Tests.Infrastructure;

/// <summary>
/// A clock that moves only when told to, or when someone waits on it: a one-shot timer (Task.Delay with this
/// clock, a backoff, a Retry-After) moves the clock forward by its due time and fires at once. Waits cost no real
/// time, so retries and backoffs stay in a fast test while every deadline computed from this clock still holds.
/// Only for code that runs one thing at a time: a wait moves the clock for everyone.
/// </summary>
public sealed class VirtualClock(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _gate = new();
    private DateTimeOffset _now = start;

    public DateTime UtcNow => GetUtcNow().UtcDateTime;

    /// <summary>Total time the clock was moved forward by waits.</summary>
    public TimeSpan Waited { get; private set; }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
            return _now;
    }

    public void Advance(TimeSpan by)
    {
        lock (_gate)
            _now += by;
    }

    /// <summary>Moves the clock to <paramref name="now"/> unless waits have already taken it further.</summary>
    public void AdvanceTo(DateTimeOffset now)
    {
        lock (_gate)
            if (now > _now) _now = now;
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (period != Timeout.InfiniteTimeSpan || dueTime == Timeout.InfiniteTimeSpan)
            return base.CreateTimer(callback, state, dueTime, period);
        lock (_gate)
        {
            _now += dueTime;
            Waited += dueTime;
        }
        // Fired from the thread pool: Task.Delay must hold its timer before the callback completes it.
        ThreadPool.QueueUserWorkItem(_ => callback(state));
        return new FiredTimer();
    }

    private sealed class FiredTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => false;
        public void Dispose() { }
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

using System.Collections.Concurrent;

namespace AlgoTrade.Hosting.Scheduling;

/// <summary>
/// How punctual the ticks of this node are: lateness (actual minus scheduled fire time), overlapping ticks of one bot
/// (which [DisallowConcurrentExecution] must keep at zero) and missed fires (gaps in a bot's scheduled fire times).
/// Read by the admin system page and the load test.
/// </summary>
public sealed class TickMetrics
{
    private readonly ConcurrentDictionary<int, byte> _running = new();
    private readonly ConcurrentDictionary<int, DateTimeOffset> _lastScheduled = new();
    private readonly ConcurrentQueue<double> _latenessMs = new();
    private long _ticks;
    private long _overlaps;
    private long _missed;
    private long _failures;

    public long Ticks => Interlocked.Read(ref _ticks);
    public long Overlaps => Interlocked.Read(ref _overlaps);
    public long Missed => Interlocked.Read(ref _missed);
    public long Failures => Interlocked.Read(ref _failures);

    public IDisposable Begin(int botId, DateTimeOffset? scheduledFireTime, DateTimeOffset fireTime, TimeSpan? interval = null)
    {
        Interlocked.Increment(ref _ticks);
        if (!_running.TryAdd(botId, 0))
            Interlocked.Increment(ref _overlaps);
        if (scheduledFireTime is { } scheduled)
        {
            _latenessMs.Enqueue(Math.Max(0, (fireTime - scheduled).TotalMilliseconds));
            while (_latenessMs.Count > 100_000 && _latenessMs.TryDequeue(out _)) { }
            if (interval is { } i && i > TimeSpan.Zero && _lastScheduled.TryGetValue(botId, out var previous))
            {
                var skipped = (long)Math.Round((scheduled - previous) / i) - 1;
                if (skipped > 0) Interlocked.Add(ref _missed, skipped);
            }
            _lastScheduled[botId] = scheduled;
        }
        return new Running(this, botId);
    }

    public void RecordFailure() => Interlocked.Increment(ref _failures);

    public void Forget(int botId) => _lastScheduled.TryRemove(botId, out _);

    public LatenessSummary Lateness()
    {
        var values = _latenessMs.ToArray();
        if (values.Length == 0) return new LatenessSummary(0, 0, 0, 0);
        Array.Sort(values);
        return new LatenessSummary(values.Length, Percentile(values, 0.50), Percentile(values, 0.99), values[^1]);
    }

    public void Reset()
    {
        _latenessMs.Clear();
        _lastScheduled.Clear();
        Interlocked.Exchange(ref _ticks, 0);
        Interlocked.Exchange(ref _overlaps, 0);
        Interlocked.Exchange(ref _missed, 0);
        Interlocked.Exchange(ref _failures, 0);
    }

    private static double Percentile(double[] sorted, double p) => sorted[(int)Math.Min(sorted.Length - 1, Math.Ceiling(p * sorted.Length) - 1)];

    private sealed class Running(TickMetrics metrics, int botId) : IDisposable
    {
        public void Dispose() => metrics._running.TryRemove(botId, out _);
    }
}

public readonly record struct LatenessSummary(int Count, double P50Ms, double P99Ms, double MaxMs);

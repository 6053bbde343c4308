namespace AlgoTrade.Core.Exchanges.Binance;

/// <summary>
/// Keeps the request weight of every client sharing a base URL (and so one IP) under a per-minute budget, learns the
/// exchange's own count from X-MBX-USED-WEIGHT-1M, and holds all requests back after a 429/418 until Retry-After.
/// </summary>
public sealed class BinanceWeightLimiter(int maxWeightPerMinute, TimeSpan maxWait, TimeProvider clock)
{
    private readonly Lock _gate = new();
    private long _windowMinute = long.MinValue;
    private int _used;
    private DateTimeOffset _blockedUntil = DateTimeOffset.MinValue;

    public int UsedWeight
    {
        get
        {
            lock (_gate)
            {
                Roll(clock.GetUtcNow());
                return _used;
            }
        }
    }

    /// <summary>Reserves <paramref name="weight"/>, waiting when that is short; returns how long to back off when it would be too long.</summary>
    public async ValueTask<TimeSpan?> AcquireAsync(int weight, CancellationToken ct)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_gate)
            {
                var now = clock.GetUtcNow();
                if (now < _blockedUntil)
                {
                    wait = _blockedUntil - now;
                }
                else
                {
                    Roll(now);
                    if (_used + weight <= maxWeightPerMinute || _used == 0)
                    {
                        _used += weight;
                        return null;
                    }
                    wait = TimeSpan.FromMinutes(_windowMinute + 1) - TimeSpan.FromTicks(now.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks);
                }
            }
            if (wait > maxWait)
                return wait;
            await Task.Delay(wait, clock, ct);
        }
    }

    public void ObserveUsedWeight(int usedWeight)
    {
        lock (_gate)
        {
            Roll(clock.GetUtcNow());
            _used = Math.Max(_used, usedWeight);
        }
    }

    public void BlockFor(TimeSpan retryAfter)
    {
        lock (_gate)
        {
            var until = clock.GetUtcNow() + retryAfter;
            if (until > _blockedUntil)
                _blockedUntil = until;
        }
    }

    // Binance counts weight per calendar minute.
    private void Roll(DateTimeOffset now)
    {
        var minute = (long)Math.Floor((now - DateTimeOffset.UnixEpoch).TotalMinutes);
        if (minute != _windowMinute)
        {
            _windowMinute = minute;
            _used = 0;
        }
    }
}

using System.Diagnostics;

namespace AlgoTrade.Tests.Infrastructure;

/// <summary>
/// Wall-clock time that runs <paramref name="speed"/> times faster from the moment it is created, so a bot on 1-minute
/// candles of the simulated market sees a new candle close every second. Timers stay real.
/// </summary>
public sealed class FastClock(double speed) : TimeProvider
{
    private readonly DateTimeOffset _start = DateTimeOffset.UtcNow;
    private readonly long _started = Stopwatch.GetTimestamp();

    public override DateTimeOffset GetUtcNow() => _start + Stopwatch.GetElapsedTime(_started) * speed;
}

using System.Collections.Concurrent;
using AlgoTrade.Core.Strategies;

namespace AlgoTrade.Core.Runtime;

/// <summary>
/// Each running bot's strategy, kept between ticks with its indicators, so a bot's strategy sees one continuous
/// history from its warm-up on, exactly as a backtest's does, and a tick only fetches the candles that closed since
/// the last one. A tick takes its bot's entry out and puts it back only when it succeeded; anything else (another
/// node ran the bot and the gap is too long, a restart, changed settings, a failed tick) rebuilds from the warm-up
/// window.
/// </summary>
public sealed class WarmStrategies(TimeProvider clock)
{
    private const int SweepEvery = 256;
    private static readonly TimeSpan MinimumIdle = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<int, WarmStrategy> _entries = new();
    private int _puts;

    public int Count => _entries.Count;

    /// <summary>Takes the bot's strategy if it was built for these settings; the caller owns it until <see cref="Put"/>.</summary>
    public WarmStrategy? Take(int botId, string fingerprint) =>
        _entries.TryRemove(botId, out var entry) && entry.Fingerprint == fingerprint ? entry : null;

    public void Put(int botId, WarmStrategy entry, TimeSpan checkInterval)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        entry.ExpiresAt = now + (checkInterval * 3 > MinimumIdle ? checkInterval * 3 : MinimumIdle);
        _entries[botId] = entry;
        if (Interlocked.Increment(ref _puts) % SweepEvery != 0) return;
        // Bots stopped elsewhere (another node, an admin, deleted) never tick here again.
        foreach (var (id, e) in _entries)
            if (e.ExpiresAt < now) _entries.TryRemove(new KeyValuePair<int, WarmStrategy>(id, e));
    }

    public void Forget(int botId) => _entries.TryRemove(botId, out _);
}

namespace AlgoTrade.Core.Exchanges;

/// <summary>The Binance kline intervals we support, with their fixed lengths and alignment.</summary>
public static class KlineIntervals
{
    private static readonly Dictionary<string, TimeSpan> Lengths = new(StringComparer.Ordinal)
    {
        ["1m"] = TimeSpan.FromMinutes(1),
        ["3m"] = TimeSpan.FromMinutes(3),
        ["5m"] = TimeSpan.FromMinutes(5),
        ["15m"] = TimeSpan.FromMinutes(15),
        ["30m"] = TimeSpan.FromMinutes(30),
        ["1h"] = TimeSpan.FromHours(1),
        ["2h"] = TimeSpan.FromHours(2),
        ["4h"] = TimeSpan.FromHours(4),
        ["6h"] = TimeSpan.FromHours(6),
        ["8h"] = TimeSpan.FromHours(8),
        ["12h"] = TimeSpan.FromHours(12),
        ["1d"] = TimeSpan.FromDays(1),
        ["3d"] = TimeSpan.FromDays(3),
        ["1w"] = TimeSpan.FromDays(7),
    };

    // Weekly klines open on Monday 00:00 UTC; the Unix epoch was a Thursday.
    private static readonly TimeSpan WeekOffset = TimeSpan.FromDays(4);

    public static IReadOnlyCollection<string> All => Lengths.Keys;

    public static bool IsValid(string? interval) => interval is not null && Lengths.ContainsKey(interval);

    public static TimeSpan Length(string interval) =>
        Lengths.TryGetValue(interval, out var length) ? length : throw new ArgumentException($"Unknown kline interval '{interval}'.", nameof(interval));

    /// <summary>The open time of the kline containing <paramref name="time"/>.</summary>
    public static DateTime OpenTimeOf(string interval, DateTime time)
    {
        var length = Length(interval).Ticks;
        var offset = interval == "1w" ? WeekOffset.Ticks : 0;
        var sinceEpoch = time.Ticks - DateTime.UnixEpoch.Ticks - offset;
        var floor = sinceEpoch - (((sinceEpoch % length) + length) % length);
        return new DateTime(DateTime.UnixEpoch.Ticks + offset + floor, DateTimeKind.Utc);
    }
}

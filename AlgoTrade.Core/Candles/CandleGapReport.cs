using AlgoTrade.Core.Market;

namespace AlgoTrade.Core.Candles;

/// <summary>
/// The candles a period lacks: each gap (candles opening in [from, to) that the data has not) and the share of the
/// period they are. Gaps are reported, never filled. Stored with a backtest's result (<c>data_gaps</c>).
/// </summary>
/// <param name="From">Start of the period checked.</param>
/// <param name="To">Exclusive end of the period checked.</param>
/// <param name="ExpectedCandles">Candles of the timeframe that open in the period.</param>
/// <param name="MissingCandles">Of those, the ones the data lacks (all gaps, also those beyond <see cref="Gaps"/>).</param>
/// <param name="GapCount">Number of gaps (also those beyond <see cref="Gaps"/>).</param>
/// <param name="Gaps">The first <see cref="MaxListedGaps"/> gaps, oldest first; each range's candles are the missing ones.</param>
public sealed record CandleGapReport(DateTime From, DateTime To, long ExpectedCandles, long MissingCandles, int GapCount, IReadOnlyList<CandleRange> Gaps)
{
    /// <summary>A file missing every other candle would otherwise list half a million gaps in one result.</summary>
    public const int MaxListedGaps = 1000;

    /// <summary>Percent of the period's candles missing.</summary>
    public double MissingPct => ExpectedCandles == 0 ? 0 : 100.0 * MissingCandles / ExpectedCandles;

    /// <summary>
    /// Gaps of <paramref name="candles"/> (ascending, on one grid of <paramref name="timeframe"/>) within [from, to):
    /// before the first candle, between candles and after the last. Null when there are no candles.
    /// </summary>
    public static CandleGapReport? Find(ReadOnlySpan<Candle> candles, DateTime from, DateTime to, Timeframe timeframe)
    {
        if (candles.IsEmpty) return null;
        var step = timeframe.Duration.Ticks;
        // Candles may sit off the epoch's grid (a CSV from elsewhere); the slots counted are those of the data's grid.
        var phase = candles[0].OpenTime.Ticks % step;
        var gaps = new List<CandleRange>();
        long missing = 0;
        var count = 0;

        Add(from.Ticks, candles[0].OpenTime.Ticks);
        for (var i = 1; i < candles.Length; i++)
        {
            var previous = candles[i - 1].OpenTime.Ticks;
            var current = candles[i].OpenTime.Ticks;
            if (current - previous > step) Add(previous + step, current);
        }
        Add(candles[^1].OpenTime.Ticks + step, to.Ticks);
        return new CandleGapReport(from, to, Slots(from.Ticks, to.Ticks), missing, count, gaps);

        void Add(long a, long b)
        {
            var slots = Slots(a, b);
            if (slots <= 0) return;
            missing += slots;
            count++;
            if (gaps.Count < MaxListedGaps)
                gaps.Add(new CandleRange(new DateTime(a, DateTimeKind.Utc), new DateTime(b, DateTimeKind.Utc), slots));
        }

        // Grid points phase + k·step in [a, b).
        long Slots(long a, long b) => b <= a ? 0 : CeilDiv(b - phase, step) - CeilDiv(a - phase, step);
    }

    /// <summary>Gaps between the first and the last of <paramref name="candles"/> (a file's holes; its ends are where the data ends).</summary>
    public static CandleGapReport? Find(ReadOnlySpan<Candle> candles, Timeframe timeframe) =>
        candles.IsEmpty ? null : Find(candles, candles[0].OpenTime, candles[^1].OpenTime + timeframe.Duration, timeframe);

    private static long CeilDiv(long a, long b) => a >= 0 ? (a + b - 1) / b : -(-a / b);
}

namespace AlgoTrade.Core.Candles;

/// <summary>
/// The <c>candle_ranges</c> arithmetic: a series' stored ranges plus a batch of written open times give the ranges of
/// their union. A range is an unbroken run on one grid (open times step apart); candles off each other's grid (a CSV
/// from elsewhere whose open times are shifted) stay separate ranges even where they overlap in time.
/// </summary>
internal static class CandleRangeMerge
{
    /// <summary>Ranges as [From, To) in ticks; their candle count is the length over the step.</summary>
    internal readonly record struct Span(long From, long To);

    /// <summary>Unbroken runs of <paramref name="openTicks"/> (any order, duplicates allowed).</summary>
    public static List<Span> Runs(ReadOnlySpan<long> openTicks, long step)
    {
        var times = openTicks.ToArray();
        // Grouped by grid position first, so a shifted candle never breaks a run it does not belong to.
        if (!IsSortedOnOneGrid(times, step))
            Array.Sort(times, (a, b) => (a % step).CompareTo(b % step) is var byPhase and not 0 ? byPhase : a.CompareTo(b));
        var runs = new List<Span>();
        for (var i = 0; i < times.Length;)
        {
            var from = times[i];
            var last = from;
            for (i++; i < times.Length && (times[i] == last || times[i] == last + step); i++)
                last = times[i];
            runs.Add(new Span(from, last + step));
        }
        return runs;
    }

    /// <summary>The ranges of the union of <paramref name="stored"/> and <paramref name="written"/>, by grid position then time.</summary>
    public static List<Span> Union(IEnumerable<Span> stored, IEnumerable<Span> written, long step)
    {
        var all = stored.Concat(written).ToList();
        all.Sort((a, b) => (a.From % step).CompareTo(b.From % step) is var byPhase and not 0 ? byPhase : a.From.CompareTo(b.From));
        var merged = new List<Span>();
        foreach (var span in all)
        {
            // Same grid and touching or overlapping: one run.
            if (merged.Count > 0 && merged[^1] is var last && last.From % step == span.From % step && span.From <= last.To)
                merged[^1] = last with { To = Math.Max(last.To, span.To) };
            else
                merged.Add(span);
        }
        return merged;
    }

    private static bool IsSortedOnOneGrid(long[] times, long step)
    {
        if (times.Length == 0) return true;
        var phase = times[0] % step;
        for (var i = 1; i < times.Length; i++)
            if (times[i] < times[i - 1] || times[i] % step != phase) return false;
        return true;
    }
}

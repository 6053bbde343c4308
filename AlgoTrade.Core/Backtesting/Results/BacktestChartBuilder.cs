using AlgoTrade.Core.Market;
using AlgoTrade.Core.Monitoring;
using AlgoTrade.Core.Strategies;
using AlgoTrade.Core.Trading;

namespace AlgoTrade.Core.Backtesting.Results;

/// <summary>
/// Builds a run's <see cref="BacktestCharts"/> from its candles and fills when the run completes, so opening a result
/// of 100k+ candles and thousands of trades reads a few thousand stored points instead of recomputing anything.
/// Equity is replayed from the fills candle by candle (cash and quantity change only at fills), which gives every
/// candle's close and so exact month ends, where the stored equity curve is already thinned out.
/// </summary>
public static class BacktestChartBuilder
{
    public const int MaxBars = 2000;
    private const int MaxHistogramBins = 24;

    /// <summary>The result with its charts; <paramref name="candles"/> are those the run was given (the config's range is selected here).</summary>
    public static BacktestResult Attach(BacktestResult result, BacktestConfig config, ReadOnlySpan<Candle> candles) =>
        result with { Charts = Build(result, config, Backtester.SelectRange(candles, config.Start, config.End)) };

    public static BacktestCharts Build(BacktestResult result, BacktestConfig config, ReadOnlySpan<Candle> range)
    {
        if (range.IsEmpty) return new BacktestCharts(0, [], [], [], [], [], [], []);
        var timeframe = Timeframe.Parse(config.Timeframe);
        var bucket = (range.Length + MaxBars - 1) / MaxBars;
        var bucketTimes = new long[(range.Length + bucket - 1) / bucket];
        for (var b = 0; b < bucketTimes.Length; b++) bucketTimes[b] = Unix(range[b * bucket].OpenTime);

        var fillCandles = new int[result.Trades.Count];
        for (var f = 0; f < fillCandles.Length; f++) fillCandles[f] = CandleOf(range, result.Trades[f]);

        var trips = Trips(result.Trades, fillCandles, range, config);
        return new BacktestCharts(
            (long)timeframe.Duration.TotalSeconds * bucket,
            Price(range, bucket, bucketTimes),
            Overlays(config, range, bucket, bucketTimes),
            Markers(result.Trades, fillCandles, bucket, bucketTimes),
            Equity(result, config, range, fillCandles, bucket, bucketTimes, out var monthly),
            monthly,
            Histogram(trips),
            trips);
    }

    private static long Unix(DateTime utc) => new DateTimeOffset(utc, TimeSpan.Zero).ToUnixTimeSeconds();

    /// <summary>
    /// The candle a fill belongs to: stops, take-profits and the order decided at the previous close fill at a candle's
    /// open (stamped with it); the duration limit and the end of data at its close, which is the next candle's open.
    /// </summary>
    private static int CandleOf(ReadOnlySpan<Candle> range, BacktestTrade fill)
    {
        int lo = 0, hi = range.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (range[mid].OpenTime <= fill.Time) lo = mid; else hi = mid - 1;
        }
        var atClose = fill.Reason is FillReason.MaxDuration or FillReason.EndOfData;
        return atClose && lo > 0 && range[lo].OpenTime == fill.Time ? lo - 1 : lo;
    }

    private static List<ChartCandle> Price(ReadOnlySpan<Candle> range, int bucket, long[] times)
    {
        var bars = new List<ChartCandle>(times.Length);
        for (var b = 0; b < times.Length; b++)
        {
            var slice = range.Slice(b * bucket, Math.Min(bucket, range.Length - b * bucket));
            double high = double.MinValue, low = double.MaxValue;
            foreach (ref readonly var c in slice)
            {
                high = Math.Max(high, c.High);
                low = Math.Min(low, c.Low);
            }
            bars.Add(new ChartCandle(times[b], slice[0].Open, high, low, slice[^1].Close));
        }
        return bars;
    }

    private static List<ChartOverlay> Overlays(BacktestConfig config, ReadOnlySpan<Candle> range, int bucket, long[] times)
    {
        if (!StrategyRegistry.TryGet(config.StrategyType, out var definition)) return [];
        var parameters = definition.Validate(config.StrategyParams).Parameters;
        if (parameters is null) return [];
        return StrategyOverlays.For(definition.Plots(parameters), range)
            .Select(o => o with { Points = LastPerBucket(o.Points, times) })
            .ToList();
    }

    /// <summary>The last point of each bucket, drawn at the bucket's time.</summary>
    private static List<ChartPoint> LastPerBucket(IReadOnlyList<ChartPoint> points, long[] times)
    {
        var thinned = new List<ChartPoint>(Math.Min(points.Count, times.Length));
        var b = 0;
        for (var i = 0; i < points.Count; i++)
        {
            while (b + 1 < times.Length && times[b + 1] <= points[i].Time) b++;
            var isLastOfBucket = i + 1 == points.Count || b + 1 < times.Length && points[i + 1].Time >= times[b + 1];
            if (isLastOfBucket) thinned.Add(new ChartPoint(times[b], points[i].Value));
        }
        return thinned;
    }

    private static List<BacktestMarker> Markers(IReadOnlyList<BacktestTrade> fills, int[] fillCandles, int bucket, long[] times)
    {
        var markers = new List<BacktestMarker>(fills.Count);
        var trip = 0;
        for (var f = 0; f < fills.Count; f++)
        {
            var fill = fills[f];
            if (fill.Side == OrderSide.Buy) trip++;
            markers.Add(new BacktestMarker(times[fillCandles[f] / bucket], fill.Time, fill.Side == OrderSide.Buy ? "BUY" : "SELL",
                fill.Price, fill.Reason.ToName(), trip));
        }
        return markers;
    }

    private static List<BacktestEquityBar> Equity(BacktestResult result, BacktestConfig config, ReadOnlySpan<Candle> range, int[] fillCandles,
        int bucket, long[] times, out List<MonthlyReturn> monthly)
    {
        var initial = (double)config.Risk.InitialCapital;
        var firstOpen = range[0].Open;
        double cash = initial, quantity = 0, peak = initial;
        var bars = new List<BacktestEquityBar>(times.Length);
        monthly = [];
        var monthStartEquity = initial;
        var f = 0;
        var deepest = 0.0;
        for (var i = 0; i < range.Length; i++)
        {
            for (; f < fillCandles.Length && fillCandles[f] == i; f++)
            {
                var fill = result.Trades[f];
                if (fill.Side == OrderSide.Buy)
                {
                    cash -= fill.QuoteQuantity + fill.Fee;
                    quantity += fill.Quantity;
                }
                else
                {
                    cash += fill.QuoteQuantity - fill.Fee;
                    quantity -= fill.Quantity;
                }
            }
            var equity = cash + quantity * range[i].Close;
            peak = Math.Max(peak, equity);
            deepest = Math.Max(deepest, peak > 0 ? (peak - equity) / peak * 100 : 0);
            if (i % bucket == bucket - 1 || i == range.Length - 1)
            {
                bars.Add(new BacktestEquityBar(times[i / bucket], equity, initial * range[i].Close / firstOpen, deepest));
                deepest = 0;
            }
            var month = range[i].OpenTime;
            if (i == range.Length - 1 || range[i + 1].OpenTime.Month != month.Month || range[i + 1].OpenTime.Year != month.Year)
            {
                monthly.Add(new MonthlyReturn(month.Year, month.Month, monthStartEquity > 0 ? (equity / monthStartEquity - 1) * 100 : 0));
                monthStartEquity = equity;
            }
        }
        return bars;
    }

    private static List<BacktestRoundTrip> Trips(IReadOnlyList<BacktestTrade> fills, int[] fillCandles, ReadOnlySpan<Candle> range, BacktestConfig config)
    {
        var trips = new List<BacktestRoundTrip>();
        var risk = config.Risk;
        for (var f = 0; f < fills.Count; f++)
        {
            if (fills[f].Side != OrderSide.Buy) continue;
            var entry = fills[f];
            var entryCandle = fillCandles[f];
            double sold = 0, soldQuote = 0, pnl = 0;
            var last = f;
            for (var x = f + 1; x < fills.Count && fills[x].Side == OrderSide.Sell; x++)
            {
                sold += fills[x].Quantity;
                soldQuote += fills[x].Quantity * fills[x].Price;
                pnl += fills[x].RealizedPnl ?? 0;
                last = x;
                if (sold >= entry.Quantity * (1 - 1e-9)) break;
            }
            if (last == f) continue; // an entry with no exit yet cannot happen in a finished run, but draws nothing
            var exit = fills[last];
            var cost = entry.QuoteQuantity + entry.Fee;
            var e = entry.Price;
            double? trailing = null;
            if (risk.TrailingStopActive && risk.TrailingStopPerc is { } trail)
            {
                // The trailing stop checked at the exit candle follows the highest high up to the candle before it.
                var highest = e;
                for (var i = entryCandle; i < fillCandles[last]; i++) highest = Math.Max(highest, range[i].High);
                trailing = highest * (1 - (double)trail / 100);
            }
            trips.Add(new BacktestRoundTrip(
                trips.Count + 1, entry.Time, exit.Time, e, sold > 0 ? soldQuote / sold : exit.Price, entry.Quantity, cost, pnl,
                cost > 0 ? pnl / cost * 100 : 0, (exit.Time - entry.Time).TotalHours, exit.Reason.ToName(), last - f + 1,
                risk.StopLossPerc is { } sl ? e * (1 - (double)sl / 100) : null,
                risk.TakeProfitPerc is { } tp ? e * (1 + (double)tp / 100) : null,
                trailing,
                [.. risk.PartialTakeProfits.OrderBy(p => p.Percentage).Select(p => e * (1 + (double)p.Percentage / 100))]));
            f = last;
        }
        return trips;
    }

    private static List<ReturnBin> Histogram(List<BacktestRoundTrip> trips)
    {
        if (trips.Count == 0) return [];
        var min = trips.Min(t => t.ReturnPct);
        var max = trips.Max(t => t.ReturnPct);
        if (max - min < 1e-9) return [new ReturnBin(min, max, trips.Count)];
        var count = Math.Clamp((int)Math.Ceiling(Math.Sqrt(trips.Count)), 5, MaxHistogramBins);
        var width = (max - min) / count;
        var counts = new int[count];
        foreach (var t in trips) counts[Math.Min(count - 1, (int)((t.ReturnPct - min) / width))]++;
        return [.. counts.Select((n, i) => new ReturnBin(min + i * width, i == count - 1 ? max : min + (i + 1) * width, n))];
    }
}

using AlgoTrade.Core.Candles;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Market;
using AlgoTrade.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlgoTrade.Tests.Candles;

public class CandleStoreTests
{
    internal static Candle[] Series(DateTime start, Timeframe timeframe, int count, double basePrice = 100)
    {
        var candles = new Candle[count];
        for (var i = 0; i < count; i++)
        {
            var open = basePrice + i % 37 * 0.25;
            var close = open + (i % 2 == 0 ? 0.5 : -0.5);
            candles[i] = new Candle(start + timeframe.Duration * i, open, Math.Max(open, close) + 0.1, Math.Min(open, close) - 0.1, close, 10 + i % 5);
        }
        return candles;
    }

    internal static string NewSymbol(string prefix) => (prefix + Guid.NewGuid().ToString("N")[..8]).ToUpperInvariant();

    [Fact]
    public async Task Writing_the_same_rows_twice_changes_nothing_and_reads_return_them_in_time_order()
    {
        await using var services = CoreServices.Build(await TestDatabase.SharedAsync());
        var store = services.GetRequiredService<CandleStore>();
        var series = CandleSeriesKey.For(ExchangeNames.Binance, NewSymbol("st"), Timeframe.M1);
        var start = new DateTime(2025, 3, 1, 0, 0, 0, DateTimeKind.Utc);
        var candles = Series(start, Timeframe.M1, 2500);

        var first = await store.WriteAsync(series, candles, CancellationToken.None);
        Assert.Equal(new CandleWriteResult(2500, 0), first);

        // Same keys with other prices: the stored rows stay as they were.
        var changed = candles.Select(c => c with { Close = c.Close * 2, High = c.High * 2 }).ToArray();
        var second = await store.WriteAsync(series, changed, CancellationToken.None);
        Assert.Equal(new CandleWriteResult(0, 2500), second);

        var read = await store.LoadAsync(series, start, start.AddDays(3), CancellationToken.None);
        Assert.Equal(candles, read);
        Assert.All(read, c => Assert.Equal(DateTimeKind.Utc, c.OpenTime.Kind));

        var window = await store.LoadAsync(series, start.AddMinutes(100), start.AddMinutes(110), CancellationToken.None);
        Assert.Equal(candles[100..110], window);

        await using var db = TestDatabase.CreateContext(await TestDatabase.SharedAsync());
        Assert.Equal(2500, await db.Candles.CountAsync(c => c.Symbol == series.Symbol));
    }

    [Fact]
    public async Task Coverage_lists_each_unbroken_range_and_the_gaps_between_them()
    {
        await using var services = CoreServices.Build(await TestDatabase.SharedAsync());
        var store = services.GetRequiredService<CandleStore>();
        var series = CandleSeriesKey.For(ExchangeNames.Paper, NewSymbol("cv"), Timeframe.H1);
        Assert.Equal(ExchangeNames.Binance, series.Exchange);
        var start = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var all = Series(start, Timeframe.H1, 100);
        // Stored: hours 0-29, 40-59 and 61-99; missing 30-39 and 60.
        await store.WriteAsync(series, all[..30], CancellationToken.None);
        await store.WriteAsync(series, all[40..60], CancellationToken.None);
        await store.WriteAsync(series, all[61..], CancellationToken.None);
        var other = series with { Timeframe = Timeframe.D1 };
        await store.WriteAsync(other, Series(start, Timeframe.D1, 5), CancellationToken.None);

        var coverage = (await store.CoverageAsync(null, null, null, CancellationToken.None)).Where(c => c.Series.Symbol == series.Symbol).ToList();
        Assert.Equal([series, other], coverage.Select(c => c.Series));
        var hourly = coverage[0];
        Assert.Equal(
            [new CandleRange(start, start.AddHours(30), 30), new CandleRange(start.AddHours(40), start.AddHours(60), 20), new CandleRange(start.AddHours(61), start.AddHours(100), 39)],
            hourly.Ranges);
        Assert.Equal([new CandleRange(start.AddHours(30), start.AddHours(40), 10), new CandleRange(start.AddHours(60), start.AddHours(61), 1)], hourly.Gaps);
        Assert.Equal(89, hourly.Candles);
        Assert.Equal(11, hourly.MissingCandles);
        Assert.Equal([new CandleRange(start, start.AddDays(5), 5)], coverage[1].Ranges);
        Assert.Empty(coverage[1].Gaps);

        var missing = await store.MissingAsync(series, start.AddHours(-2), start.AddHours(102), CancellationToken.None);
        Assert.Equal(
            [
                new CandleRange(start.AddHours(-2), start, 2), new CandleRange(start.AddHours(30), start.AddHours(40), 10),
                new CandleRange(start.AddHours(60), start.AddHours(61), 1), new CandleRange(start.AddHours(100), start.AddHours(102), 2),
            ],
            missing);
        Assert.Empty(await store.MissingAsync(series, start.AddHours(41), start.AddHours(60), CancellationToken.None));
    }

    private sealed record RangeRow(DateTime From, DateTime Last, long Candles);

    /// <summary>The ranges recomputed from every stored candle of the series (gaps and islands per grid position), as the migration does.</summary>
    private static async Task<List<CandleRange>> RangesFromCandlesAsync(CandleSeriesKey series)
    {
        await using var db = await TestDatabase.SharedContextAsync();
        var step = (long)series.Timeframe.Duration.TotalMilliseconds;
        var rows = await db.Database.SqlQuery<RangeRow>($"""
            SELECT min(open_time) AS "From", max(open_time) AS "Last", count(*) AS "Candles"
            FROM (SELECT open_time, ms % {step} AS phase, ms - {step} * row_number() OVER (PARTITION BY ms % {step} ORDER BY open_time) AS island
                  FROM (SELECT open_time, (extract(epoch FROM open_time) * 1000)::bigint AS ms FROM candles
                        WHERE exchange = {series.Exchange} AND symbol = {series.Symbol} AND timeframe = {series.Timeframe.Code}) t) n
            GROUP BY phase, island
            """).ToListAsync();
        return [.. rows.OrderBy(r => r.From).Select(r => new CandleRange(r.From, r.Last + series.Timeframe.Duration, r.Candles))];
    }

    private static async Task<IReadOnlyList<CandleRange>> StoredRangesAsync(CandleStore store, CandleSeriesKey series) =>
        (await store.CoverageAsync(series, null, null, CancellationToken.None)).SingleOrDefault()?.Ranges ?? [];

    [Fact]
    public async Task Overlapping_and_adjacent_writes_merge_into_one_range_and_re_imports_change_nothing()
    {
        await using var services = CoreServices.Build(await TestDatabase.SharedAsync());
        var store = services.GetRequiredService<CandleStore>();
        var series = CandleSeriesKey.For(ExchangeNames.Binance, NewSymbol("mg"), Timeframe.M5);
        var start = new DateTime(2025, 4, 1, 0, 0, 0, DateTimeKind.Utc);
        var all = Series(start, Timeframe.M5, 200);
        DateTime At(int i) => start.AddMinutes(5 * i);

        await store.WriteAsync(series, all[..30], CancellationToken.None);
        await store.WriteAsync(series, all[40..60], CancellationToken.None);
        await store.WriteAsync(series, all[100..120], CancellationToken.None);
        Assert.Equal([new CandleRange(At(0), At(30), 30), new CandleRange(At(40), At(60), 20), new CandleRange(At(100), At(120), 20)],
            await StoredRangesAsync(store, series));

        // Overlaps the first range and ends where the second starts: the two become one.
        Assert.Equal(new CandleWriteResult(10, 5), await store.WriteAsync(series, all[25..40], CancellationToken.None));
        // Adjacent after the last range, and one written in reverse order before the first.
        await store.WriteAsync(series, all[120..130], CancellationToken.None);
        await store.WriteAsync(series, all[..30].Reverse().ToArray(), CancellationToken.None);
        var expected = new List<CandleRange> { new(At(0), At(60), 60), new(At(100), At(130), 30) };
        Assert.Equal(expected, await StoredRangesAsync(store, series));

        // A re-import of everything stored, and a write inside a range: nothing changes.
        await store.WriteAsync(series, all[..60], CancellationToken.None);
        await store.WriteAsync(series, all[105..110], CancellationToken.None);
        Assert.Equal(expected, await StoredRangesAsync(store, series));
        Assert.Equal(expected, await RangesFromCandlesAsync(series));

        // A write spanning the gap and beyond both ends joins everything.
        await store.WriteAsync(series, all[50..200], CancellationToken.None);
        Assert.Equal([new CandleRange(At(0), At(200), 200)], await StoredRangesAsync(store, series));
        Assert.Equal(await RangesFromCandlesAsync(series), await StoredRangesAsync(store, series));
    }

    [Fact]
    public async Task Random_and_concurrent_writes_leave_exactly_the_ranges_the_candles_have()
    {
        await using var services = CoreServices.Build(await TestDatabase.SharedAsync());
        var store = services.GetRequiredService<CandleStore>();
        var series = CandleSeriesKey.For(ExchangeNames.Binance, NewSymbol("rn"), Timeframe.M1);
        var start = new DateTime(2025, 5, 1, 0, 0, 0, DateTimeKind.Utc);
        var all = Series(start, Timeframe.M1, 3000);
        var random = new Random(12);

        for (var round = 0; round < 12; round++)
        {
            // Four writers at once, each a random stretch (some overlapping, some adjacent, some with holes of their own).
            var writes = Enumerable.Range(0, 4).Select(_ =>
            {
                var from = random.Next(0, 2900);
                var slice = all[from..Math.Min(all.Length, from + random.Next(1, 150))];
                return random.Next(3) == 0 ? slice.Where((_, i) => i % 7 != 3).ToArray() : slice;
            }).ToList();
            await Task.WhenAll(writes.Select(w => Task.Run(() => store.WriteAsync(series, w, CancellationToken.None))));

            Assert.Equal(await RangesFromCandlesAsync(series), await StoredRangesAsync(store, series));
        }
        var coverage = (await store.CoverageAsync(series, null, null, CancellationToken.None)).Single();
        await using var db = await TestDatabase.SharedContextAsync();
        Assert.Equal(await db.Candles.CountAsync(c => c.Symbol == series.Symbol), coverage.Candles);
    }

    [Fact]
    public async Task Candles_on_a_shifted_grid_are_ranges_of_their_own()
    {
        await using var services = CoreServices.Build(await TestDatabase.SharedAsync());
        var store = services.GetRequiredService<CandleStore>();
        var series = CandleSeriesKey.For(ExchangeNames.Binance, NewSymbol("sh"), Timeframe.H1);
        var start = new DateTime(2025, 2, 1, 0, 0, 0, DateTimeKind.Utc);
        await store.WriteAsync(series, Series(start, Timeframe.H1, 10), CancellationToken.None);
        // A file whose hours open at half past: they interleave with the others but are not the same run.
        await store.WriteAsync(series, Series(start.AddMinutes(30), Timeframe.H1, 20), CancellationToken.None);

        var coverage = (await store.CoverageAsync(series, null, null, CancellationToken.None)).Single();
        Assert.Equal([new CandleRange(start, start.AddHours(10), 10), new CandleRange(start.AddMinutes(30), start.AddMinutes(30).AddHours(20), 20)], coverage.Ranges);
        Assert.Empty(coverage.Gaps);
        Assert.Equal(await RangesFromCandlesAsync(series), coverage.Ranges);
    }

    [Fact]
    public async Task Coverage_within_a_window_counts_only_the_candles_opening_in_it()
    {
        await using var services = CoreServices.Build(await TestDatabase.SharedAsync());
        var store = services.GetRequiredService<CandleStore>();
        var series = CandleSeriesKey.For(ExchangeNames.Binance, NewSymbol("wn"), Timeframe.M15);
        var start = new DateTime(2025, 3, 3, 0, 0, 0, DateTimeKind.Utc);
        var all = Series(start, Timeframe.M15, 100);
        await store.WriteAsync(series, all[..40], CancellationToken.None);
        await store.WriteAsync(series, all[50..], CancellationToken.None);

        // 09:07 to 13:20: stored are the candles opening at 09:15 … 09:45 and 12:30 … 13:15.
        var window = (await store.CoverageAsync(series, start.AddMinutes(547), start.AddMinutes(800), CancellationToken.None)).Single();
        Assert.Equal([new CandleRange(start.AddMinutes(555), start.AddMinutes(600), 3), new CandleRange(start.AddMinutes(750), start.AddMinutes(810), 4)], window.Ranges);
        Assert.Equal([new CandleRange(start.AddMinutes(600), start.AddMinutes(750), 10)], window.Gaps);
        Assert.Empty(await store.CoverageAsync(series, start.AddMinutes(600), start.AddMinutes(750), CancellationToken.None));
        Assert.Empty(await store.CoverageAsync(series, start.AddDays(5), null, CancellationToken.None));
    }

    [Fact]
    public async Task The_migrations_backfill_gives_the_ranges_the_store_keeps()
    {
        await using var services = CoreServices.Build(await TestDatabase.SharedAsync());
        var store = services.GetRequiredService<CandleStore>();
        var series = CandleSeriesKey.For(ExchangeNames.Binance, NewSymbol("bf"), Timeframe.H4);
        var start = new DateTime(2024, 12, 1, 0, 0, 0, DateTimeKind.Utc);
        var all = Series(start, Timeframe.H4, 300);
        await store.WriteAsync(series, all[..120], CancellationToken.None);
        await store.WriteAsync(series, all[121..250], CancellationToken.None);
        await store.WriteAsync(series, all[260..], CancellationToken.None);
        await store.WriteAsync(series, Series(start.AddHours(1), Timeframe.H4, 5), CancellationToken.None);

        // The backfill run over private copies of both tables (temporary tables come first in the search path).
        var backfill = new AlgoTrade.Core.Persistence.Migrations.AddCandleRanges().UpOperations
            .OfType<Microsoft.EntityFrameworkCore.Migrations.Operations.SqlOperation>().Single().Sql;
        await using var db = await TestDatabase.SharedContextAsync();
        await db.Database.OpenConnectionAsync();
        await db.Database.ExecuteSqlRawAsync("CREATE TEMP TABLE candles (LIKE public.candles INCLUDING ALL)");
        await db.Database.ExecuteSqlRawAsync("INSERT INTO pg_temp.candles SELECT * FROM public.candles WHERE symbol = {0}", series.Symbol);
        await db.Database.ExecuteSqlRawAsync("CREATE TEMP TABLE candle_ranges (LIKE public.candle_ranges INCLUDING ALL)");
        await db.Database.ExecuteSqlRawAsync(backfill);
        var backfilled = await db.Database.SqlQueryRaw<BackfilledRow>(
            "SELECT range_from AS \"From\", range_to AS \"To\", candles AS \"Candles\" FROM pg_temp.candle_ranges ORDER BY range_from").ToListAsync();

        var kept = await StoredRangesAsync(store, series);
        Assert.Equal(4, kept.Count);
        Assert.Equal(kept, backfilled.Select(r => new CandleRange(r.From, r.To, r.Candles)));
    }

    private sealed record BackfilledRow(DateTime From, DateTime To, long Candles);
}

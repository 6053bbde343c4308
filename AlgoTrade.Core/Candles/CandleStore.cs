using System.Globalization;
using System.Runtime.CompilerServices;
using AlgoTrade.Core.Market;
using AlgoTrade.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace AlgoTrade.Core.Candles;

/// <summary>
/// The <c>candles</c> table: bulk writes through binary COPY that never change a stored row, range reads in
/// open-time order, and coverage (stored ranges and gaps) read from <c>candle_ranges</c>, which every write keeps
/// exact in its own transaction.
/// </summary>
public sealed class CandleStore(IDbContextFactory<AlgoTradeDbContext> dbFactory)
{
    // pg_advisory_xact_lock(int, int) key space: "CR" in ASCII; the second key is the series' hash.
    private const int RangeLockSpace = 0x4352;

    /// <summary>
    /// Stores <paramref name="candles"/> in one transaction: COPY into a temporary table, then INSERT … ON CONFLICT DO
    /// NOTHING, so rows already stored (same series and open time) are kept as they were and counted as present.
    /// </summary>
    public async Task<CandleWriteResult> WriteAsync(CandleSeriesKey series, ReadOnlyMemory<Candle> candles, CancellationToken ct)
    {
        if (candles.IsEmpty) return default;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var connection = await OpenAsync(db, ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await using (var create = new NpgsqlCommand(
            "CREATE TEMP TABLE candle_import (open_time timestamptz NOT NULL, open float8 NOT NULL, high float8 NOT NULL, " +
            "low float8 NOT NULL, close float8 NOT NULL, volume float8 NOT NULL) ON COMMIT DROP", connection, tx))
            await create.ExecuteNonQueryAsync(ct);

        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY candle_import (open_time, open, high, low, close, volume) FROM STDIN (FORMAT BINARY)", ct))
        {
            for (var i = 0; i < candles.Length; i++)
            {
                var c = candles.Span[i];
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(DateTime.SpecifyKind(c.OpenTime, DateTimeKind.Utc), NpgsqlDbType.TimestampTz, ct);
                await copy.WriteAsync(c.Open, NpgsqlDbType.Double, ct);
                await copy.WriteAsync(c.High, NpgsqlDbType.Double, ct);
                await copy.WriteAsync(c.Low, NpgsqlDbType.Double, ct);
                await copy.WriteAsync(c.Close, NpgsqlDbType.Double, ct);
                await copy.WriteAsync(c.Volume, NpgsqlDbType.Double, ct);
            }
            await copy.CompleteAsync(ct);
        }

        await using var insert = new NpgsqlCommand(
            "INSERT INTO candles (exchange, symbol, timeframe, open_time, open, high, low, close, volume) " +
            "SELECT @exchange, @symbol, @timeframe, open_time, open, high, low, close, volume FROM candle_import " +
            "ON CONFLICT DO NOTHING", connection, tx);
        AddSeries(insert, series);
        var inserted = await insert.ExecuteNonQueryAsync(ct);
        // Nothing new: every row was already stored, so the ranges already cover it.
        if (inserted > 0) await MergeRangesAsync(connection, tx, series, candles, ct);
        await tx.CommitAsync(ct);
        return new CandleWriteResult(inserted, candles.Length - inserted);
    }

    /// <summary>
    /// Adds the written candles to the series' ranges. Writers of one series take turns here (an advisory lock held to
    /// the commit), so each merges with ranges that include every earlier committed write.
    /// </summary>
    private static async Task MergeRangesAsync(NpgsqlConnection connection, NpgsqlTransaction tx, CandleSeriesKey series, ReadOnlyMemory<Candle> candles, CancellationToken ct)
    {
        await using (var lockSeries = new NpgsqlCommand(
            "SELECT pg_advisory_xact_lock(@space, hashtext(@exchange || '|' || @symbol || '|' || @timeframe))", connection, tx))
        {
            lockSeries.Parameters.Add(new NpgsqlParameter<int>("space", NpgsqlDbType.Integer) { TypedValue = RangeLockSpace });
            AddSeries(lockSeries, series);
            await lockSeries.ExecuteNonQueryAsync(ct);
        }

        var step = series.Timeframe.Duration.Ticks;
        var ticks = new long[candles.Length];
        var span = candles.Span;
        for (var i = 0; i < ticks.Length; i++) ticks[i] = span[i].OpenTime.Ticks;
        var written = CandleRangeMerge.Runs(ticks, step);

        var stored = new List<CandleRangeMerge.Span>();
        await using (var select = new NpgsqlCommand(
            "SELECT range_from, range_to FROM candle_ranges " +
            "WHERE exchange = @exchange AND symbol = @symbol AND timeframe = @timeframe AND range_to >= @from AND range_from <= @to", connection, tx))
        {
            AddSeries(select, series);
            AddRange(select, new DateTime(written.Min(r => r.From), DateTimeKind.Utc), new DateTime(written.Max(r => r.To), DateTimeKind.Utc));
            await using var reader = await select.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                stored.Add(new CandleRangeMerge.Span(reader.GetFieldValue<DateTime>(0).Ticks, reader.GetFieldValue<DateTime>(1).Ticks));
        }

        var merged = CandleRangeMerge.Union(stored, written, step);
        var removed = stored.Except(merged).ToArray();
        var added = merged.Except(stored).ToArray();
        await using var update = new NpgsqlCommand(
            "DELETE FROM candle_ranges WHERE exchange = @exchange AND symbol = @symbol AND timeframe = @timeframe AND range_from = ANY(@removed); " +
            "INSERT INTO candle_ranges (exchange, symbol, timeframe, range_from, range_to, candles) " +
            "SELECT @exchange, @symbol, @timeframe, f, t, n FROM unnest(@added_from, @added_to, @added_candles) AS a(f, t, n)", connection, tx);
        AddSeries(update, series);
        update.Parameters.Add(Times("removed", removed.Select(r => r.From)));
        update.Parameters.Add(Times("added_from", added.Select(r => r.From)));
        update.Parameters.Add(Times("added_to", added.Select(r => r.To)));
        update.Parameters.Add(new NpgsqlParameter<long[]>("added_candles", NpgsqlDbType.Array | NpgsqlDbType.Bigint)
        {
            TypedValue = [.. added.Select(r => (r.To - r.From) / step)],
        });
        await update.ExecuteNonQueryAsync(ct);

        static NpgsqlParameter<DateTime[]> Times(string name, IEnumerable<long> ticks) =>
            new(name, NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { TypedValue = [.. ticks.Select(t => new DateTime(t, DateTimeKind.Utc))] };
    }

    /// <summary>Stored candles opening in [<paramref name="from"/>, <paramref name="to"/>), oldest first, streamed from the database.</summary>
    public async IAsyncEnumerable<Candle> ReadAsync(CandleSeriesKey series, DateTime from, DateTime to, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var connection = await OpenAsync(db, ct);
        await using var cmd = new NpgsqlCommand(
            "SELECT open_time, open, high, low, close, volume FROM candles " +
            "WHERE exchange = @exchange AND symbol = @symbol AND timeframe = @timeframe AND open_time >= @from AND open_time < @to " +
            "ORDER BY open_time", connection);
        AddSeries(cmd, series);
        AddRange(cmd, from, to);
        await using var reader = await cmd.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, ct);
        while (await reader.ReadAsync(ct))
            yield return new Candle(reader.GetFieldValue<DateTime>(0), reader.GetDouble(1), reader.GetDouble(2),
                reader.GetDouble(3), reader.GetDouble(4), reader.GetDouble(5));
    }

    public async Task<Candle[]> LoadAsync(CandleSeriesKey series, DateTime from, DateTime to, CancellationToken ct)
    {
        var candles = new List<Candle>((int)Math.Min(Math.Max(0, (to - from).Ticks / series.Timeframe.Duration.Ticks), 1 << 20));
        await foreach (var c in ReadAsync(series, from, to, ct))
            candles.Add(c);
        return [.. candles];
    }

    /// <summary>
    /// Every stored series (or the one given) with its unbroken ranges and the gaps between them, optionally only within
    /// [from, to). Reads <c>candle_ranges</c> (one row per range through its primary key), never the candles.
    /// </summary>
    public async Task<IReadOnlyList<CandleSeriesCoverage>> CoverageAsync(CandleSeriesKey? series, DateTime? from, DateTime? to, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var connection = await OpenAsync(db, ct);
        var where = new List<string>();
        await using var cmd = new NpgsqlCommand { Connection = connection };
        if (series is not null)
        {
            where.Add("r.exchange = @exchange AND r.symbol = @symbol AND r.timeframe = @timeframe");
            AddSeries(cmd, series);
        }
        if (from is { } f)
        {
            where.Add("r.range_to > @from");
            cmd.Parameters.Add(Time("from", f));
        }
        if (to is { } t)
        {
            where.Add("r.range_from < @to");
            cmd.Parameters.Add(Time("to", t));
        }
        cmd.CommandText = $"""
            SELECT r.exchange, r.symbol, r.timeframe, r.range_from, r.range_to
            FROM candle_ranges r JOIN unnest(@codes, @steps) AS s(timeframe, step_ms) ON s.timeframe = r.timeframe
            {(where.Count > 0 ? "WHERE " + string.Join(" AND ", where) : "")}
            ORDER BY r.exchange, r.symbol, s.step_ms, r.range_from
            """;
        cmd.Parameters.Add(new NpgsqlParameter<string[]>("codes", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. Timeframe.All.Select(t => t.Code)] });
        cmd.Parameters.Add(new NpgsqlParameter<long[]>("steps", NpgsqlDbType.Array | NpgsqlDbType.Bigint)
        {
            TypedValue = [.. Timeframe.All.Select(t => (long)t.Duration.TotalMilliseconds)],
        });

        var result = new List<CandleSeriesCoverage>();
        CandleSeriesKey? current = null;
        List<CandleRange> ranges = [];
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var timeframe = Timeframe.Parse(reader.GetString(2));
                var key = new CandleSeriesKey(reader.GetString(0), reader.GetString(1), timeframe);
                if (key != current)
                {
                    if (current is not null) result.Add(Coverage(current, ranges));
                    (current, ranges) = (key, []);
                }
                if (Clip(reader.GetFieldValue<DateTime>(3), reader.GetFieldValue<DateTime>(4), timeframe.Duration.Ticks, from, to) is { } range)
                    ranges.Add(range);
            }
        }
        if (current is not null) result.Add(Coverage(current, ranges));
        return result.Where(c => c.Ranges.Count > 0).ToList();
    }

    public const int MaxPageSize = 500;
    public const int MaxGapsPerSeries = 100;

    /// <summary>
    /// One page of the stored series matching <paramref name="filter"/>, ordered by <paramref name="sort"/>, with each
    /// series' totals and only its first <paramref name="gapsPerSeries"/> gaps, and how many series match in all, in one
    /// round trip. The series and their count are a <c>GROUP BY</c> over the matching rows of <c>candle_ranges</c>; the
    /// gaps (counted exactly, as <see cref="CoverageAsync"/> finds them) are walked for the page's series only, through
    /// the primary key, unless the page is sorted by gaps.
    /// </summary>
    public async Task<CandleSeriesPage> CoveragePageAsync(CandleSeriesFilter filter, CandleSeriesSort sort, bool descending,
        int page, int pageSize, int gapsPerSeries, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(page);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, MaxPageSize);
        ArgumentOutOfRangeException.ThrowIfNegative(gapsPerSeries);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(gapsPerSeries, MaxGapsPerSeries);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var connection = await OpenAsync(db, ct);
        await using var cmd = new NpgsqlCommand { Connection = connection };
        var where = new List<string>();
        if (!string.IsNullOrWhiteSpace(filter.Exchange))
        {
            where.Add("r.exchange = @exchange");
            cmd.Parameters.Add(new NpgsqlParameter<string>("exchange", NpgsqlDbType.Text) { TypedValue = filter.Exchange.Trim() });
        }
        if (!string.IsNullOrWhiteSpace(filter.Symbol))
        {
            where.Add("strpos(upper(r.symbol), @symbol) > 0");
            cmd.Parameters.Add(new NpgsqlParameter<string>("symbol", NpgsqlDbType.Text) { TypedValue = filter.Symbol.Trim().ToUpperInvariant() });
        }
        if (filter.Timeframe is { } timeframe)
        {
            where.Add("r.timeframe = @timeframe");
            cmd.Parameters.Add(new NpgsqlParameter<string>("timeframe", NpgsqlDbType.Text) { TypedValue = timeframe.Code });
        }
        where.Add("r.timeframe = ANY(@codes)");
        cmd.Parameters.Add(new NpgsqlParameter<string[]>("codes", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. Timeframe.All.Select(t => t.Code)] });
        var filtered = "WHERE " + string.Join(" AND ", where);

        var direction = descending ? "DESC" : "ASC";
        var order = sort switch
        {
            CandleSeriesSort.Exchange => $"exchange COLLATE \"C\" {direction}, symbol COLLATE \"C\", step_ms",
            CandleSeriesSort.Symbol => $"symbol COLLATE \"C\" {direction}, exchange COLLATE \"C\", step_ms",
            CandleSeriesSort.Timeframe => $"step_ms {direction}, exchange COLLATE \"C\", symbol COLLATE \"C\"",
            CandleSeriesSort.Candles => $"candles {direction}",
            CandleSeriesSort.First => $"first_open {direction}",
            CandleSeriesSort.End => $"last_close {direction}",
            CandleSeriesSort.Gaps => $"gaps {direction}, missing {direction}",
            _ => throw new ArgumentOutOfRangeException(nameof(sort), sort, null),
        };
        // Ranges on shifted grids may overlap in time, so (as in Coverage) a gap is only what no earlier range reaches:
        // the running maximum of the earlier ranges' ends. Only a sort by gaps needs that walk over every matching
        // series; otherwise the series are plain aggregates and only the page's series are walked, each through the
        // primary key. Missing candles are summed as doubles of whole milliseconds (exact far beyond any count of
        // candles) rather than numeric, which sum(bigint) would be and which costs more.
        const string covered = "max(range_to) OVER (PARTITION BY exchange, symbol, timeframe ORDER BY range_from ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)";
        var step = StepMilliseconds("r.timeframe");
        var bySeriesGaps = sort == CandleSeriesSort.Gaps;
        var source = bySeriesGaps
            ? $"(SELECT r.*, {covered} AS covered FROM candle_ranges r {filtered}) r"
            : $"candle_ranges r {filtered}";
        var gapColumns = bySeriesGaps
            ? $", count(*) FILTER (WHERE r.range_from > r.covered)::int AS gaps, " +
              $"coalesce(sum(floor(round(date_part('epoch', r.range_from - r.covered) * 1000) / {step})) FILTER (WHERE r.range_from > r.covered), 0)::bigint AS missing"
            : "";
        const string walk = $"""
            SELECT c.range_from, max(c.range_to) OVER (ORDER BY c.range_from ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS covered
            FROM candle_ranges c WHERE c.exchange = p.exchange AND c.symbol = p.symbol AND c.timeframe = p.timeframe
            """;
        cmd.CommandText = $"""
            WITH series AS (
                SELECT r.exchange, r.symbol, r.timeframe, {step} AS step_ms,
                       min(r.range_from) AS first_open, max(r.range_to) AS last_close, sum(r.candles)::bigint AS candles{gapColumns}
                FROM {source}
                GROUP BY r.exchange, r.symbol, r.timeframe
            ),
            page AS (
                SELECT *, row_number() OVER (ORDER BY {order}, exchange COLLATE "C", symbol COLLATE "C", step_ms) AS position
                FROM series ORDER BY position LIMIT @limit OFFSET @offset
            )
            SELECT t.total, p.exchange, p.symbol, p.timeframe, p.candles, p.first_open, p.last_close, s.gaps, s.missing,
                   g.gap_from, g.gap_to
            FROM (SELECT count(*)::int AS total FROM series) t
            LEFT JOIN (page p
                CROSS JOIN LATERAL (
                    SELECT count(*)::int AS gaps,
                           coalesce(sum(floor(round(date_part('epoch', x.range_from - x.covered) * 1000) / p.step_ms)), 0)::bigint AS missing
                    FROM ({walk}) x
                    WHERE x.range_from > x.covered) s
                LEFT JOIN LATERAL (
                    SELECT x.covered AS gap_from, x.range_from AS gap_to
                    FROM ({walk}) x
                    WHERE x.range_from > x.covered
                    ORDER BY x.range_from
                    LIMIT @gaps) g ON true) ON true
            ORDER BY p.position, g.gap_to
            """;
        cmd.Parameters.Add(new NpgsqlParameter<int>("limit", NpgsqlDbType.Integer) { TypedValue = pageSize });
        cmd.Parameters.Add(new NpgsqlParameter<long>("offset", NpgsqlDbType.Bigint) { TypedValue = (long)page * pageSize });
        cmd.Parameters.Add(new NpgsqlParameter<int>("gaps", NpgsqlDbType.Integer) { TypedValue = gapsPerSeries });

        var total = 0;
        var items = new List<CandleSeriesSummary>();
        CandleSeriesSummary? current = null;
        List<CandleRange> gaps = [];
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                total = reader.GetInt32(0);
                if (reader.IsDBNull(1)) continue;
                var key = new CandleSeriesKey(reader.GetString(1), reader.GetString(2), Timeframe.Parse(reader.GetString(3)));
                if (current is null || current.Series != key)
                {
                    gaps = [];
                    current = new CandleSeriesSummary(key, reader.GetInt64(4), reader.GetFieldValue<DateTime>(5), reader.GetFieldValue<DateTime>(6),
                        reader.GetInt32(7), reader.GetInt64(8), gaps);
                    items.Add(current);
                }
                if (!reader.IsDBNull(9))
                {
                    var (gapFrom, gapTo) = (reader.GetFieldValue<DateTime>(9), reader.GetFieldValue<DateTime>(10));
                    gaps.Add(new CandleRange(gapFrom, gapTo, (gapTo - gapFrom).Ticks / key.Timeframe.Duration.Ticks));
                }
            }
        }
        return new CandleSeriesPage(items, total);
    }

    /// <summary>The step of the timeframe named by <paramref name="code"/> in milliseconds, as SQL; null for an unknown code.</summary>
    private static string StepMilliseconds(string code) =>
        $"(CASE {code} {string.Concat(Timeframe.All.Select(t => string.Create(CultureInfo.InvariantCulture, $"WHEN '{t.Code}' THEN {(long)t.Duration.TotalMilliseconds} ")))}END)::bigint";

    /// <summary>The candles of the range [rangeFrom, rangeTo) that open in [from, to); null when none do.</summary>
    private static CandleRange? Clip(DateTime rangeFrom, DateTime rangeTo, long step, DateTime? from, DateTime? to)
    {
        long first = rangeFrom.Ticks, end = rangeTo.Ticks;
        if (from is { } f && f.Ticks > first) first += (f.Ticks - first + step - 1) / step * step;
        if (to is { } t && t.Ticks < end) end = rangeFrom.Ticks + Math.Max(0, t.Ticks - rangeFrom.Ticks + step - 1) / step * step;
        return end > first ? new CandleRange(new DateTime(first, DateTimeKind.Utc), new DateTime(end, DateTimeKind.Utc), (end - first) / step) : null;
    }

    /// <summary>A series' ranges (in start order) and the stretches no range covers between them.</summary>
    private static CandleSeriesCoverage Coverage(CandleSeriesKey series, List<CandleRange> ranges)
    {
        var gaps = new List<CandleRange>();
        var step = series.Timeframe.Duration.Ticks;
        // Ranges on shifted grids may overlap in time; a gap is only what none of the earlier ones reaches.
        var covered = DateTime.MinValue;
        foreach (var range in ranges)
        {
            if (covered != DateTime.MinValue && range.From > covered)
                gaps.Add(new CandleRange(covered, range.From, (range.From - covered).Ticks / step));
            if (range.To > covered) covered = range.To;
        }
        return new CandleSeriesCoverage(series, ranges, gaps);
    }

    /// <summary>The parts of [from, to) with no stored candle, on the timeframe's grid, oldest first.</summary>
    public async Task<IReadOnlyList<CandleRange>> MissingAsync(CandleSeriesKey series, DateTime from, DateTime to, CancellationToken ct)
    {
        var coverage = await CoverageAsync(series, from, to, ct);
        return Missing(from, to, series.Timeframe, coverage.Count == 0 ? [] : coverage[0].Ranges);
    }

    internal static IReadOnlyList<CandleRange> Missing(DateTime from, DateTime to, Timeframe timeframe, IReadOnlyList<CandleRange> stored)
    {
        var missing = new List<CandleRange>();
        var cursor = from;
        foreach (var range in stored)
        {
            if (range.From > cursor) missing.Add(Gap(cursor, range.From));
            if (range.To > cursor) cursor = range.To;
        }
        if (cursor < to) missing.Add(Gap(cursor, to));
        return missing;

        CandleRange Gap(DateTime a, DateTime b) => CandleRange.Spanning(a, b, timeframe);
    }

    private static async Task<NpgsqlConnection> OpenAsync(AlgoTradeDbContext db, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await connection.OpenAsync(ct);
        return connection;
    }

    private static void AddSeries(NpgsqlCommand cmd, CandleSeriesKey series)
    {
        cmd.Parameters.Add(new NpgsqlParameter<string>("exchange", NpgsqlDbType.Text) { TypedValue = series.Exchange });
        cmd.Parameters.Add(new NpgsqlParameter<string>("symbol", NpgsqlDbType.Text) { TypedValue = series.Symbol });
        cmd.Parameters.Add(new NpgsqlParameter<string>("timeframe", NpgsqlDbType.Text) { TypedValue = series.Timeframe.Code });
    }

    private static void AddRange(NpgsqlCommand cmd, DateTime from, DateTime to)
    {
        cmd.Parameters.Add(Time("from", from));
        cmd.Parameters.Add(Time("to", to));
    }

    private static NpgsqlParameter<DateTime> Time(string name, DateTime value) =>
        new(name, NpgsqlDbType.TimestampTz) { TypedValue = DateTime.SpecifyKind(value, DateTimeKind.Utc) };
}

using System.Runtime.CompilerServices;
using AlgoTrade.Core.Market;
using AlgoTrade.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace AlgoTrade.Core.Candles;

/// <summary>
/// The <c>candles</c> table: bulk writes through binary COPY that never change a stored row, range reads in
/// open-time order, and coverage (stored ranges and gaps) computed by the database.
/// </summary>
public sealed class CandleStore(IDbContextFactory<AlgoTradeDbContext> dbFactory)
{
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
        await tx.CommitAsync(ct);
        return new CandleWriteResult(inserted, candles.Length - inserted);
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

    /// <summary>Every stored series (or the one given) with its unbroken ranges and the gaps between them, optionally only within [from, to).</summary>
    public async Task<IReadOnlyList<CandleSeriesCoverage>> CoverageAsync(CandleSeriesKey? series, DateTime? from, DateTime? to, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var connection = await OpenAsync(db, ct);
        var where = new List<string>();
        await using var cmd = new NpgsqlCommand { Connection = connection };
        if (series is not null)
        {
            where.Add("c.exchange = @exchange AND c.symbol = @symbol AND c.timeframe = @timeframe");
            AddSeries(cmd, series);
        }
        if (from is { } f)
        {
            where.Add("c.open_time >= @from");
            cmd.Parameters.Add(Time("from", f));
        }
        if (to is { } t)
        {
            where.Add("c.open_time < @to");
            cmd.Parameters.Add(Time("to", t));
        }
        // Gaps and islands: within an unbroken run, open time minus row number × step is constant. Steps are whole
        // milliseconds, so the arithmetic stays in bigint (no interval or time-zone rules involved).
        cmd.CommandText = $"""
            WITH steps AS (SELECT * FROM unnest(@codes, @steps) AS s(timeframe, step_ms)),
            numbered AS (
                SELECT c.exchange, c.symbol, c.timeframe, c.open_time, s.step_ms,
                       (extract(epoch FROM c.open_time) * 1000)::bigint
                         - s.step_ms * row_number() OVER (PARTITION BY c.exchange, c.symbol, c.timeframe ORDER BY c.open_time) AS island
                FROM candles c JOIN steps s ON s.timeframe = c.timeframe
                {(where.Count > 0 ? "WHERE " + string.Join(" AND ", where) : "")}
            ),
            islands AS (
                SELECT exchange, symbol, timeframe, step_ms, min(open_time) AS first_open, max(open_time) AS last_open, count(*) AS candles
                FROM numbered GROUP BY exchange, symbol, timeframe, step_ms, island
            )
            SELECT exchange, symbol, timeframe, first_open, last_open, candles,
                   lead(first_open) OVER (PARTITION BY exchange, symbol, timeframe ORDER BY first_open) AS next_open
            FROM islands
            ORDER BY exchange, symbol, step_ms, first_open
            """;
        cmd.Parameters.Add(new NpgsqlParameter<string[]>("codes", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. Timeframe.All.Select(t => t.Code)] });
        cmd.Parameters.Add(new NpgsqlParameter<long[]>("steps", NpgsqlDbType.Array | NpgsqlDbType.Bigint)
        {
            TypedValue = [.. Timeframe.All.Select(t => (long)t.Duration.TotalMilliseconds)],
        });

        var result = new List<CandleSeriesCoverage>();
        CandleSeriesKey? current = null;
        List<CandleRange> ranges = [], gaps = [];
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var timeframe = Timeframe.Parse(reader.GetString(2));
                var key = new CandleSeriesKey(reader.GetString(0), reader.GetString(1), timeframe);
                if (key != current)
                {
                    if (current is not null) result.Add(new CandleSeriesCoverage(current, ranges, gaps));
                    (current, ranges, gaps) = (key, [], []);
                }
                var end = reader.GetFieldValue<DateTime>(4) + timeframe.Duration;
                ranges.Add(new CandleRange(reader.GetFieldValue<DateTime>(3), end, reader.GetInt64(5)));
                if (!reader.IsDBNull(6) && reader.GetFieldValue<DateTime>(6) is var next)
                    gaps.Add(new CandleRange(end, next, (next - end).Ticks / timeframe.Duration.Ticks));
            }
        }
        if (current is not null) result.Add(new CandleSeriesCoverage(current, ranges, gaps));
        return result;
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

using System.Diagnostics;
using System.Globalization;
using AlgoTrade.Core;
using AlgoTrade.Core.Candles;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Market;
using AlgoTrade.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AlgoTrade.Benchmarks;

/// <summary>
/// Candle coverage (<c>candles list</c>, the Candles page) on a big store: one series of <c>rows</c> one-minute
/// candles with a hole every 50,000, plus <c>others</c> series of 20,000 candles. Prints the time of
/// <see cref="CandleStore.CoverageAsync"/> (reading <c>candle_ranges</c>) next to the gaps-and-islands query over the
/// candles themselves that it replaced. Needs PostgreSQL: the database is created and migrated when missing, and
/// filled once (the candles are kept for the next run).
/// </summary>
public static class CoverageBenchmark
{
    private const string BigSymbol = "BENCHBIGUSDT";
    private static readonly DateTime Start = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static async Task RunAsync(string connectionString, int rows, int others, int runs)
    {
        await EnsureDatabaseAsync(connectionString);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Default"] = connectionString })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddAlgoTradeCore(configuration);
        await using var provider = services.BuildServiceProvider();
        var dbFactory = provider.GetRequiredService<IDbContextFactory<AlgoTradeDbContext>>();
        await using (var db = await dbFactory.CreateDbContextAsync())
            await db.Database.MigrateAsync();
        var store = provider.GetRequiredService<CandleStore>();

        var big = CandleSeriesKey.For(ExchangeNames.Binance, BigSymbol, Timeframe.M1);
        await FillAsync(store, big, rows, holeEvery: 50_000);
        for (var i = 0; i < others; i++)
            await FillAsync(store, CandleSeriesKey.For(ExchangeNames.Binance, $"BENCH{i:D3}USDT", Timeframe.H1), 20_000, holeEvery: 7_000);

        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            var candles = await db.Candles.LongCountAsync();
            var ranges = await db.CandleRanges.LongCountAsync();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"store: {candles:N0} candles in {ranges:N0} ranges"));
        }

        var one = await TimeAsync(runs, () => store.CoverageAsync(big, null, null, CancellationToken.None));
        var all = await TimeAsync(runs, () => store.CoverageAsync(null, null, null, CancellationToken.None));
        var coverage = (await store.CoverageAsync(big, null, null, CancellationToken.None)).Single();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"coverage of {big} ({coverage.Candles:N0} candles, {coverage.Gaps.Count} gaps): median {one.Median:0.00} ms, fastest {one.Min:0.00} ms ({runs} runs)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"coverage of every series ({others + 1}): median {all.Median:0.00} ms, fastest {all.Min:0.00} ms ({runs} runs)"));

        var scanRuns = Math.Min(runs, 3);
        var scan = await TimeAsync(scanRuns, () => ScanIslandsAsync(dbFactory, big));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"before (gaps and islands over the candles of {big}): median {scan.Median:0} ms, fastest {scan.Min:0} ms ({scanRuns} runs)"));
    }

    private static async Task FillAsync(CandleStore store, CandleSeriesKey series, int rows, int holeEvery)
    {
        var coverage = await store.CoverageAsync(series, null, null, CancellationToken.None);
        var expected = rows - (rows - 1) / holeEvery;
        if (coverage.Count == 1 && coverage[0].Candles == expected) return;
        var watch = Stopwatch.StartNew();
        var candles = SyntheticCandles.Generate(rows);
        var step = series.Timeframe.Duration;
        var kept = new List<Candle>(rows);
        for (var i = 0; i < rows; i++)
            if (i == 0 || i % holeEvery != 0)
                kept.Add(candles[i] with { OpenTime = Start + step * i });
        // Written in pages like a download, so the ranges are merged page by page.
        const int page = 100_000;
        var array = kept.ToArray();
        for (var i = 0; i < array.Length; i += page)
            await store.WriteAsync(series, array.AsMemory(i, Math.Min(page, array.Length - i)), CancellationToken.None);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {kept.Count:N0} {series} candles in {watch.Elapsed.TotalSeconds:0.0} s"));
    }

    /// <summary>What coverage ran before candle_ranges: every candle of the series through a window function.</summary>
    private static async Task<long> ScanIslandsAsync(IDbContextFactory<AlgoTradeDbContext> dbFactory, CandleSeriesKey series)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var step = (long)series.Timeframe.Duration.TotalMilliseconds;
        return await db.Database.SqlQuery<long>($"""
            SELECT count(*) AS "Value" FROM (
                SELECT min(open_time), max(open_time), count(*)
                FROM (SELECT open_time, (extract(epoch FROM open_time) * 1000)::bigint - {step} * row_number() OVER (ORDER BY open_time) AS island
                      FROM candles WHERE exchange = {series.Exchange} AND symbol = {series.Symbol} AND timeframe = {series.Timeframe.Code}) n
                GROUP BY island) islands
            """).SingleAsync();
    }

    private static async Task<(double Median, double Min)> TimeAsync<T>(int runs, Func<Task<T>> run)
    {
        await run();
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await run();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return (times[times.Count / 2], times[0]);
    }

    internal static async Task EnsureDatabaseAsync(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var name = builder.Database ?? throw new ArgumentException("The connection string names no database.");
        builder.Database = "postgres";
        await using var admin = new NpgsqlConnection(builder.ConnectionString);
        await admin.OpenAsync();
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", admin);
        exists.Parameters.AddWithValue("name", name);
        if (await exists.ExecuteScalarAsync() is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", admin);
            await create.ExecuteNonQueryAsync();
        }
    }
}

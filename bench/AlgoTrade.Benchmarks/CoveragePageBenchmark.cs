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

namespace AlgoTrade.Benchmarks;

/// <summary>
/// The Candles page's query (<see cref="CandleStore.CoveragePageAsync"/>) on a store of <c>series</c> series of
/// <c>candles</c> candles each with <c>gaps</c> one-candle holes (1h, 4h and 1d; every tenth on the testnet), written
/// through the store once and kept. Prints the time of a first page, a late page, a page sorted by gaps and filtered
/// pages next to what the page did before: every series' full coverage, paged in memory.
/// </summary>
public static class CoveragePageBenchmark
{
    private static readonly DateTime Start = new(2022, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly Timeframe[] Timeframes = [Timeframe.H1, Timeframe.H4, Timeframe.D1];

    public static async Task RunAsync(string connectionString, int series, int candles, int gaps, int runs)
    {
        await CoverageBenchmark.EnsureDatabaseAsync(connectionString);
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

        var stored = await store.CoveragePageAsync(CandleSeriesFilter.None, CandleSeriesSort.Exchange, false, 0, 1, 0, CancellationToken.None);
        if (stored.Total < series)
        {
            var watch = Stopwatch.StartNew();
            var holeEvery = candles / (gaps + 1);
            for (var i = stored.Total; i < series; i++)
            {
                var key = Key(i);
                var written = SyntheticCandles.Generate(candles)
                    .Select((c, n) => c with { OpenTime = Start + key.Timeframe.Duration * n })
                    .Where((_, n) => n == 0 || n % holeEvery != 0 || n / holeEvery > gaps)
                    .ToArray();
                await store.WriteAsync(key, written, CancellationToken.None);
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {series - stored.Total:N0} series in {watch.Elapsed.TotalSeconds:0.0} s"));
        }
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            var ranges = await db.CandleRanges.LongCountAsync();
            var count = await db.Candles.LongCountAsync();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"store: {count:N0} candles, {ranges:N0} ranges"));
        }

        var lastPage = (series - 1) / 25;
        var cases = new (string Name, Func<Task<int>> Run)[]
        {
            ("first page, 25 series, default order", () => Page(CandleSeriesFilter.None, CandleSeriesSort.Exchange, false, 0)),
            ($"last page ({lastPage + 1})", () => Page(CandleSeriesFilter.None, CandleSeriesSort.Exchange, false, lastPage)),
            ("first page sorted by gaps, descending", () => Page(CandleSeriesFilter.None, CandleSeriesSort.Gaps, true, 0)),
            ("first page sorted by candles", () => Page(CandleSeriesFilter.None, CandleSeriesSort.Candles, false, 0)),
            ("symbol contains \"12\"", () => Page(new CandleSeriesFilter(Symbol: "12"), CandleSeriesSort.Exchange, false, 0)),
            ("exchange binance_testnet, timeframe 1d", () => Page(new CandleSeriesFilter(ExchangeNames.BinanceTestnet, null, Timeframe.D1), CandleSeriesSort.Exchange, false, 0)),
            ("before: every series' CoverageAsync, first 25 in memory", async () =>
                (await store.CoverageAsync(null, null, null, CancellationToken.None)).Take(25).Count()),
        };
        foreach (var (name, run) in cases)
        {
            var (median, min, rows) = await TimeAsync(runs, run);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: median {median:0.0} ms, fastest {min:0.0} ms ({rows} rows, {runs} runs)"));
        }

        async Task<int> Page(CandleSeriesFilter filter, CandleSeriesSort sort, bool descending, int page) =>
            (await store.CoveragePageAsync(filter, sort, descending, page, 25, 5, CancellationToken.None)).Items.Count;
    }

    private static CandleSeriesKey Key(int i) =>
        new(i % 10 == 9 ? ExchangeNames.BinanceTestnet : ExchangeNames.Binance, $"PG{i:D4}USDT", Timeframes[i % Timeframes.Length]);

    private static async Task<(double Median, double Min, int Rows)> TimeAsync(int runs, Func<Task<int>> run)
    {
        var rows = await run();
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await run();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return (times[times.Count / 2], times[0], rows);
    }
}

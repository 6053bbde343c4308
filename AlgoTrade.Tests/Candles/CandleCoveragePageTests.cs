using AlgoTrade.Core.Candles;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Market;
using AlgoTrade.Core.Persistence;
using AlgoTrade.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AlgoTrade.Tests.Candles;

/// <summary>
/// <see cref="CandleStore.CoveragePageAsync"/> on a database of its own (so totals over every series are exact), with
/// series written through the store: paging, totals, every sort both ways, filters, and gaps checked against
/// <see cref="CandleStore.CoverageAsync"/>, which lists every range and gap of every series.
/// </summary>
public sealed class CandleCoveragePageTests : IAsyncLifetime
{
    private const int GapsShown = 5;
    private static readonly DateTime Start = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private FreshDatabase _database = default!;
    private ServiceProvider _services = default!;
    private CandleStore _store = default!;

    private static readonly CandleSeriesKey Plain = Key(ExchangeNames.Binance, "AAAUSDT", Timeframe.H1);
    private static readonly CandleSeriesKey BtcHourly = Key(ExchangeNames.Binance, "BTCUSDT", Timeframe.H1);
    private static readonly CandleSeriesKey BtcDaily = Key(ExchangeNames.Binance, "BTCUSDT", Timeframe.D1);
    private static readonly CandleSeriesKey ManyGaps = Key(ExchangeNames.Binance, "ETHBTC", Timeframe.M1);
    private static readonly CandleSeriesKey Testnet = Key(ExchangeNames.BinanceTestnet, "BTCUSDT", Timeframe.H1);
    private static readonly CandleSeriesKey Shifted = Key(ExchangeNames.Binance, "ZZZUSDT", Timeframe.H4);
    private static readonly CandleSeriesKey Quarter = Key(ExchangeNames.Binance, "SOLUSDT", Timeframe.M15);
    private static readonly CandleSeriesKey Late = Key(ExchangeNames.Binance, "XRPUSDT", Timeframe.H1);
    private static readonly CandleSeriesKey HalfShifted = Key(ExchangeNames.Binance, "ZZZHALFUSDT", Timeframe.H1);

    private static CandleSeriesKey Key(string exchange, string symbol, Timeframe timeframe) => new(exchange, symbol, timeframe);

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync();
        _services = CoreServices.Build(_database.ConnectionString);
        _store = _services.GetRequiredService<CandleStore>();

        await WriteAsync(Plain, Start, 100, _ => false);
        await WriteAsync(BtcHourly, Start, 300, i => i is >= 50 and < 53 or 100);
        await WriteAsync(BtcDaily, Start, 30, i => i is >= 10 and < 15);
        // 49 one-candle gaps: a hole every 40 minutes.
        await WriteAsync(ManyGaps, Start.AddDays(3), 2000, i => i > 0 && i % 40 == 0);
        await WriteAsync(Testnet, Start.AddDays(1), 50, i => i is 10 or >= 20 and < 22);
        await WriteAsync(Quarter, Start.AddDays(-20), 500, i => i is 7);
        await WriteAsync(Late, Start.AddDays(40), 20, _ => false);
        // 4h candles on the grid [0h, 40h), on a grid shifted by 2h over [2h, 14h) (inside the first), and [60h, 80h):
        // two gaps between consecutive ranges, but only [40h, 60h) is missing.
        await _store.WriteAsync(Shifted, CandleStoreTests.Series(Start, Timeframe.H4, 10), CancellationToken.None);
        await _store.WriteAsync(Shifted, CandleStoreTests.Series(Start.AddHours(2), Timeframe.H4, 3), CancellationToken.None);
        await _store.WriteAsync(Shifted, CandleStoreTests.Series(Start.AddHours(60), Timeframe.H4, 5), CancellationToken.None);
        // 1h candles at 00:00 … 09:00, then 20 at half past from 10:30: a gap of half an hour, no candle missing.
        await _store.WriteAsync(HalfShifted, CandleStoreTests.Series(Start, Timeframe.H1, 10), CancellationToken.None);
        await _store.WriteAsync(HalfShifted, CandleStoreTests.Series(Start.AddMinutes(630), Timeframe.H1, 20), CancellationToken.None);
    }

    private async Task WriteAsync(CandleSeriesKey series, DateTime start, int count, Func<int, bool> hole)
    {
        var candles = CandleStoreTests.Series(start, series.Timeframe, count).Where((_, i) => !hole(i)).ToArray();
        await _store.WriteAsync(series, candles, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    private Task<CandleSeriesPage> PageAsync(CandleSeriesFilter filter, CandleSeriesSort sort = CandleSeriesSort.Exchange, bool descending = false, int page = 0, int pageSize = 25) =>
        _store.CoveragePageAsync(filter, sort, descending, page, pageSize, GapsShown, CancellationToken.None);

    private async Task<List<CandleSeriesSummary>> AllPagesAsync(CandleSeriesFilter filter, CandleSeriesSort sort, bool descending, int pageSize)
    {
        var rows = new List<CandleSeriesSummary>();
        for (var page = 0; ; page++)
        {
            var result = await PageAsync(filter, sort, descending, page, pageSize);
            Assert.Equal(9, result.Total);
            Assert.True(result.Items.Count <= pageSize);
            if (result.Items.Count == 0) return rows;
            rows.AddRange(result.Items);
        }
    }

    [Fact]
    public async Task Each_series_has_the_totals_and_first_gaps_the_full_coverage_has()
    {
        var page = await PageAsync(CandleSeriesFilter.None);
        Assert.Equal(9, page.Total);
        var coverage = await _store.CoverageAsync(null, null, null, CancellationToken.None);
        Assert.Equal(coverage.Select(c => c.Series), page.Items.Select(s => s.Series));
        foreach (var (summary, full) in page.Items.Zip(coverage))
        {
            Assert.Equal(full.Candles, summary.Candles);
            Assert.Equal(full.First, summary.First);
            Assert.Equal(full.End, summary.End);
            Assert.Equal(full.Gaps.Count, summary.GapCount);
            Assert.Equal(full.MissingCandles, summary.MissingCandles);
            Assert.Equal(full.Gaps.Take(GapsShown), summary.FirstGaps);
            Assert.All(summary.FirstGaps.Concat([new CandleRange(summary.First, summary.End, 0)]), r => Assert.Equal(DateTimeKind.Utc, r.From.Kind));
        }

        var btc = page.Items.Single(s => s.Series == BtcHourly);
        Assert.Equal((296, Start, Start.AddHours(300), 2, 4L), (btc.Candles, btc.First, btc.End, btc.GapCount, btc.MissingCandles));
        Assert.Equal([new CandleRange(Start.AddHours(50), Start.AddHours(53), 3), new CandleRange(Start.AddHours(100), Start.AddHours(101), 1)], btc.FirstGaps);

        var plain = page.Items.Single(s => s.Series == Plain);
        Assert.Equal((100, 0, 0L), (plain.Candles, plain.GapCount, plain.MissingCandles));
        Assert.Empty(plain.FirstGaps);

        var many = page.Items.Single(s => s.Series == ManyGaps);
        Assert.Equal((1951, 49, 49L), (many.Candles, many.GapCount, many.MissingCandles));
        var first = Start.AddDays(3);
        Assert.Equal(Enumerable.Range(1, GapsShown).Select(i => new CandleRange(first.AddMinutes(40 * i), first.AddMinutes(40 * i + 1), 1)), many.FirstGaps);

        var shifted = page.Items.Single(s => s.Series == Shifted);
        Assert.Equal((18, Start, Start.AddHours(80), 1, 5L), (shifted.Candles, shifted.First, shifted.End, shifted.GapCount, shifted.MissingCandles));
        Assert.Equal([new CandleRange(Start.AddHours(40), Start.AddHours(60), 5)], shifted.FirstGaps);

        var half = page.Items.Single(s => s.Series == HalfShifted);
        Assert.Equal((30, 1, 0L), (half.Candles, half.GapCount, half.MissingCandles));
        Assert.Equal([new CandleRange(Start.AddHours(10), Start.AddMinutes(630), 0)], half.FirstGaps);

        var none = await _store.CoveragePageAsync(CandleSeriesFilter.None, CandleSeriesSort.Gaps, true, 0, 1, 0, CancellationToken.None);
        Assert.Equal(ManyGaps, Assert.Single(none.Items).Series);
        Assert.Empty(none.Items[0].FirstGaps);
        Assert.Equal(49, none.Items[0].GapCount);
    }

    public static TheoryData<CandleSeriesSort, bool> Sorts()
    {
        var data = new TheoryData<CandleSeriesSort, bool>();
        foreach (var sort in Enum.GetValues<CandleSeriesSort>())
        {
            data.Add(sort, false);
            data.Add(sort, true);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Sorts))]
    public async Task Pages_of_three_walk_every_series_once_in_the_sorted_order(CandleSeriesSort sort, bool descending)
    {
        var walked = await AllPagesAsync(CandleSeriesFilter.None, sort, descending, pageSize: 3);
        var all = (await PageAsync(CandleSeriesFilter.None, pageSize: 100)).Items;
        Func<CandleSeriesSummary, object> key = sort switch
        {
            CandleSeriesSort.Exchange => s => s.Exchange,
            CandleSeriesSort.Symbol => s => s.Symbol,
            CandleSeriesSort.Timeframe => s => s.Series.Timeframe.Duration,
            CandleSeriesSort.Candles => s => s.Candles,
            CandleSeriesSort.First => s => s.First,
            CandleSeriesSort.End => s => s.End,
            CandleSeriesSort.Gaps => s => (s.GapCount, s.MissingCandles),
            _ => throw new ArgumentOutOfRangeException(nameof(sort)),
        };
        var ordered = descending ? all.OrderByDescending(key, Comparer<object>.Default) : all.OrderBy(key, Comparer<object>.Default);
        var expected = ordered
            .ThenBy(s => s.Exchange, StringComparer.Ordinal).ThenBy(s => s.Symbol, StringComparer.Ordinal).ThenBy(s => s.Series.Timeframe.Duration)
            .Select(s => s.Series).ToList();
        Assert.Equal(expected, walked.Select(s => s.Series));
        Assert.Equal(9, walked.Select(s => s.Series).Distinct().Count());
    }

    [Fact]
    public async Task The_default_order_is_exchange_symbol_then_shortest_timeframe_and_sorts_by_gaps_put_the_gappiest_first()
    {
        var page = await PageAsync(CandleSeriesFilter.None, pageSize: 4);
        Assert.Equal(9, page.Total);
        Assert.Equal([Plain, BtcHourly, BtcDaily, ManyGaps], page.Items.Select(s => s.Series));
        var second = await PageAsync(CandleSeriesFilter.None, page: 1, pageSize: 4);
        Assert.Equal([Quarter, Late, HalfShifted, Shifted], second.Items.Select(s => s.Series));
        var last = await PageAsync(CandleSeriesFilter.None, page: 2, pageSize: 4);
        Assert.Equal([Testnet], last.Items.Select(s => s.Series));
        var beyond = await PageAsync(CandleSeriesFilter.None, page: 5, pageSize: 4);
        Assert.Empty(beyond.Items);
        Assert.Equal(9, beyond.Total);

        var gappiest = await PageAsync(CandleSeriesFilter.None, CandleSeriesSort.Gaps, descending: true, pageSize: 3);
        Assert.Equal([ManyGaps, BtcHourly, Testnet], gappiest.Items.Select(s => s.Series));
        var biggest = await PageAsync(CandleSeriesFilter.None, CandleSeriesSort.Candles, descending: true, pageSize: 2);
        Assert.Equal([ManyGaps, Quarter], biggest.Items.Select(s => s.Series));
        var latest = await PageAsync(CandleSeriesFilter.None, CandleSeriesSort.End, descending: true, pageSize: 1);
        Assert.Equal([Late], latest.Items.Select(s => s.Series));
    }

    [Fact]
    public async Task Filters_narrow_the_series_and_the_total()
    {
        async Task<List<CandleSeriesKey>> Matching(CandleSeriesFilter filter)
        {
            var page = await PageAsync(filter, pageSize: 2);
            var all = await PageAsync(filter, pageSize: 100);
            Assert.Equal(all.Items.Count, page.Total);
            Assert.Equal(all.Items.Take(2).Select(s => s.Series), page.Items.Select(s => s.Series));
            return [.. all.Items.Select(s => s.Series)];
        }

        Assert.Equal([Testnet], await Matching(new CandleSeriesFilter(Exchange: ExchangeNames.BinanceTestnet)));
        Assert.Equal([BtcHourly, BtcDaily, ManyGaps, Testnet], await Matching(new CandleSeriesFilter(Symbol: " btc ")));
        Assert.Equal([BtcHourly, BtcDaily], await Matching(new CandleSeriesFilter(Exchange: ExchangeNames.Binance, Symbol: "BTCUSDT")));
        Assert.Equal([Plain, BtcHourly, Late, HalfShifted, Testnet], await Matching(new CandleSeriesFilter(Timeframe: Timeframe.H1)));
        Assert.Equal([BtcHourly, Testnet], await Matching(new CandleSeriesFilter(Symbol: "BTCU", Timeframe: Timeframe.H1)));
        Assert.Empty(await Matching(new CandleSeriesFilter(Symbol: "%")));
        Assert.Empty(await Matching(new CandleSeriesFilter(Exchange: "kraken")));
        Assert.Equal(9, (await PageAsync(new CandleSeriesFilter("  ", "", null))).Total);
    }

    [Fact]
    public async Task Out_of_range_paging_arguments_are_refused()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => PageAsync(CandleSeriesFilter.None, page: -1));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => PageAsync(CandleSeriesFilter.None, pageSize: 0));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => PageAsync(CandleSeriesFilter.None, pageSize: CandleStore.MaxPageSize + 1));
    }
}

using System.Globalization;
using AlgoTrade.Core.Backtesting.Jobs;
using AlgoTrade.Core.Candles;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Market;
using AlgoTrade.Tests.Exchanges;
using AlgoTrade.Tests.Exchanges.Fakes;
using AlgoTrade.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AlgoTrade.Tests.Candles;

/// <summary>Backtest candles through the store against the fake Binance server, which counts its requests.</summary>
public sealed class BacktestCandleLoaderTests : IAsyncLifetime
{
    private static readonly DateTime Start = new(2025, 6, 2, 0, 0, 0, DateTimeKind.Utc);
    private FakeBinanceServer _binance = null!;
    private ServiceProvider _services = null!;
    private readonly string _symbol = CandleStoreTests.NewSymbol("ld");

    public async Task InitializeAsync()
    {
        _binance = await FakeBinanceServer.StartAsync();
        _binance.Prices[_symbol] = 100m;
        _services = CoreServices.Build(await TestDatabase.SharedAsync(), settings: ExchangeTestHost.Settings(_binance));
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _binance.DisposeAsync();
    }

    private BacktestCandleLoader Loader => ActivatorUtilities.CreateInstance<BacktestCandleLoader>(_services);
    private int KlineRequests => _binance.CountRequests("/api/v3/klines");

    [Fact]
    public async Task The_first_run_downloads_in_pages_of_1000_and_a_second_run_reads_only_from_postgresql()
    {
        var end = Start.AddMinutes(2500);
        var first = await Loader.LoadAsync(ExchangeNames.Binance, _symbol, Timeframe.M1, Start, end, CancellationToken.None);
        Assert.Equal(2500, first.Length);
        Assert.Equal(3, KlineRequests);
        Assert.Equal(Start, first[0].OpenTime);
        Assert.Equal((double)FakeBinanceServer.FakeKlinePrice(Start), first[0].Open);

        // Paper reads the same Binance series.
        var second = await Loader.LoadAsync(ExchangeNames.Paper, _symbol.ToLowerInvariant(), Timeframe.M1, Start, end, CancellationToken.None);
        Assert.Equal(3, KlineRequests);
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Only_the_ranges_the_store_lacks_are_downloaded()
    {
        var store = _services.GetRequiredService<CandleStore>();
        var series = CandleSeriesKey.For(ExchangeNames.Binance, _symbol, Timeframe.M5);
        // Stored from elsewhere (a CSV, say): candles 100-1099 of the period.
        await store.WriteAsync(series, CandleStoreTests.Series(Start.AddMinutes(500), Timeframe.M5, 1000, basePrice: 7), CancellationToken.None);

        var candles = await Loader.LoadAsync(ExchangeNames.Binance, _symbol, Timeframe.M5, Start, Start.AddMinutes(5 * 1200), CancellationToken.None);

        Assert.Equal(1200, candles.Length);
        // One request before the stored block (100 candles), one after it (100 candles); none for the block itself.
        Assert.Equal(2, KlineRequests);
        Assert.Equal(7, candles[100].Open);
        Assert.Equal((double)FakeBinanceServer.FakeKlinePrice(Start.AddMinutes(5 * 1100)), candles[1100].Open);
        Assert.True(candles.Zip(candles.Skip(1)).All(p => p.Second.OpenTime - p.First.OpenTime == TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public async Task Gaps_the_exchange_has_are_reported_and_never_filled()
    {
        var holeFrom = Start.AddHours(10);
        var holeTo = Start.AddHours(13);
        _binance.KlineMissing = (_, open) => open >= holeFrom && open < holeTo;
        var downloader = _services.GetRequiredService<CandleDownloader>();
        var series = CandleSeriesKey.For(ExchangeNames.Binance, _symbol, Timeframe.M15);

        var result = await downloader.FillAsync(ExchangeNames.Binance, series, Start, Start.AddDays(2), CancellationToken.None);

        Assert.Equal([new CandleRange(holeFrom, holeTo, 12)], result.Gaps);
        Assert.Equal(2 * 96 - 12, result.Written.Inserted);
        var candles = await Loader.LoadAsync(ExchangeNames.Binance, _symbol, Timeframe.M15, Start, Start.AddDays(2), CancellationToken.None);
        Assert.Equal(2 * 96 - 12, candles.Length);
        Assert.DoesNotContain(candles, c => c.OpenTime >= holeFrom && c.OpenTime < holeTo);
        var coverage = await _services.GetRequiredService<CandleStore>().CoverageAsync(series, null, null, CancellationToken.None);
        Assert.Equal([new CandleRange(holeFrom, holeTo, 12)], coverage.Single().Gaps);
    }

    [Fact]
    public async Task A_late_listing_is_a_gap_of_the_period_and_candles_not_closed_yet_are_none()
    {
        var now = DateTime.UtcNow;
        var hour = new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerHour, DateTimeKind.Utc);
        var listed = hour.AddHours(-20);
        _binance.KlineMissing = (_, open) => open < listed;

        var loaded = await Loader.LoadWithGapsAsync(ExchangeNames.Binance, _symbol, Timeframe.H1, hour.AddHours(-30), hour.AddHours(5), CancellationToken.None);

        Assert.Equal(20, loaded.Candles.Length);
        var gaps = loaded.Gaps!;
        Assert.Equal([new CandleRange(hour.AddHours(-30), listed, 10)], gaps.Gaps);
        Assert.Equal((hour.AddHours(-30), hour, 30L, 10L), (gaps.From, gaps.To, gaps.ExpectedCandles, gaps.MissingCandles));

        var whole = await Loader.LoadWithGapsAsync(ExchangeNames.Binance, _symbol, Timeframe.H1, listed, hour.AddHours(5), CancellationToken.None);
        Assert.Null(whole.Gaps);
    }

    [Fact]
    public async Task An_interrupted_download_keeps_its_committed_pages_and_resumes_where_it_stopped()
    {
        using var interrupt = new CancellationTokenSource();
        var served = 0;
        _binance.FaultPlan = route =>
        {
            if (route != "GET /api/v3/klines" || Interlocked.Increment(ref served) != 3) return null;
            interrupt.Cancel();
            return new FakeFault(FakeFaultKind.TimeoutBeforeAccept, Delay: TimeSpan.FromSeconds(2));
        };
        var end = Start.AddMinutes(4500);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Loader.LoadAsync(ExchangeNames.Binance, _symbol, Timeframe.M1, Start, end, interrupt.Token));
        var series = CandleSeriesKey.For(ExchangeNames.Binance, _symbol, Timeframe.M1);
        var coverage = await _services.GetRequiredService<CandleStore>().CoverageAsync(series, null, null, CancellationToken.None);
        Assert.Equal([new CandleRange(Start, Start.AddMinutes(2000), 2000)], coverage.Single().Ranges);
        Assert.Equal(3, KlineRequests);

        _binance.FaultPlan = null;
        var candles = await Loader.LoadAsync(ExchangeNames.Binance, _symbol, Timeframe.M1, Start, end, CancellationToken.None);
        Assert.Equal(4500, candles.Length);
        // Resumed at minute 2000: three more pages (2000-2999, 3000-3999, 4000-4499).
        Assert.Equal(6, KlineRequests);
        var starts = _binance.RequestQueries.Where(r => r.Path == "/api/v3/klines").Skip(3).Select(r => r.Query["startTime"].ToString()).ToList();
        Assert.Equal(
            [Ms(Start.AddMinutes(2000)), Ms(Start.AddMinutes(3000)), Ms(Start.AddMinutes(4000))],
            starts);
    }

    [Fact]
    public async Task A_period_without_candles_fails_with_a_clear_message_and_stores_nothing()
    {
        _binance.KlineMissing = (_, _) => true;
        var ex = await Assert.ThrowsAsync<BacktestDataException>(() =>
            Loader.LoadAsync(ExchangeNames.Binance, _symbol, Timeframe.H1, Start, Start.AddDays(1), CancellationToken.None));
        Assert.Contains($"binance has no closed {_symbol} 1h candles between 2025-06-02 00:00 and 2025-06-03 00:00 UTC", ex.Message);
        var coverage = await _services.GetRequiredService<CandleStore>().CoverageAsync(
            CandleSeriesKey.For(ExchangeNames.Binance, _symbol, Timeframe.H1), null, null, CancellationToken.None);
        Assert.Empty(coverage);
    }

    private static string Ms(DateTime t) => new DateTimeOffset(t).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
}

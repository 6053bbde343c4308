using AlgoTrade.Core.Candles;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Market;
using AlgoTrade.Core.Persistence;
using AlgoTrade.Tests.Candles;
using AlgoTrade.Tests.Infrastructure;
using AlgoTrade.Web.Components.Pages.Candles;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace AlgoTrade.Tests.Web.Candles;

/// <summary>
/// The candles page on a database of its own holding 60 series: the grid shows the database's page (25 rows of 60),
/// pages, sorts by a column and filters through the store's paged query.
/// </summary>
public sealed class CandleStorePagingTests : IAsyncLifetime
{
    private static readonly DateTime Start = new(2025, 6, 1, 0, 0, 0, DateTimeKind.Utc);
    private readonly BunitContext _ctx = new();
    private FreshDatabase _database = default!;
    private ServiceProvider _core = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync();
        _core = CoreServices.Build(_database.ConnectionString);
        var store = _core.GetRequiredService<CandleStore>();
        // S00USDT … S49USDT on 1h, series i with i one-candle gaps; S50USDT … S59USDT on 1d on the testnet, no gaps.
        for (var i = 0; i < 60; i++)
        {
            var testnet = i >= 50;
            var timeframe = testnet ? Timeframe.D1 : Timeframe.H1;
            var candles = CandleStoreTests.Series(Start, timeframe, testnet ? 100 + i : 10 * i + 20)
                .Where((_, n) => testnet || n % 10 != 5 || n / 10 >= i).ToArray();
            await store.WriteAsync(new CandleSeriesKey(testnet ? ExchangeNames.BinanceTestnet : ExchangeNames.Binance, $"S{i:D2}USDT", timeframe),
                candles, CancellationToken.None);
        }

        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        _ctx.Services.AddMudServices();
        _ctx.Services.AddSingleton(store);
        _ctx.Services.AddSingleton(_core.GetRequiredService<CandleFileImporter>());
        var auth = _ctx.AddAuthorization();
        auth.SetAuthorized("candles@example.test");
    }

    public async Task DisposeAsync()
    {
        await _ctx.DisposeAsync();
        await _core.DisposeAsync();
        await _database.DisposeAsync();
    }

    private static List<string> Symbols(IRenderedComponent<CandleStorePage> cut) =>
        [.. cut.FindAll(".candle-series-row").Select(r => r.QuerySelectorAll("td")[1].TextContent.Trim())];

    private static AngleSharp.Dom.IElement Header(IRenderedComponent<CandleStorePage> cut, string title) =>
        cut.FindAll(".sortable-column-header").Single(h => h.TextContent.Trim() == title);

    private static MudSelect<string> Select(IRenderedComponent<CandleStorePage> cut, string id) =>
        cut.FindComponents<MudSelect<string>>().Single(s => s.Instance.UserAttributes.GetValueOrDefault("id") as string == id).Instance;

    private static string Pager(IRenderedComponent<CandleStorePage> cut) => cut.FindAll(".mud-table-pagination-caption")[^1].TextContent.Trim();

    [Fact]
    public void The_grid_shows_one_page_of_25_of_the_60_series_and_pages_on()
    {
        var cut = _ctx.Render<CandleStorePage>();
        cut.WaitForAssertion(() => Assert.Equal(25, cut.FindAll(".candle-series-row").Count), TimeSpan.FromSeconds(10));
        Assert.Equal("1-25 of 60", Pager(cut));
        Assert.Equal(Enumerable.Range(0, 25).Select(i => $"S{i:D2}USDT"), Symbols(cut));
        var row = cut.FindAll(".candle-series-row")[7];
        Assert.Contains("7 gap(s), 7 candle(s) missing", row.TextContent, StringComparison.Ordinal);
        Assert.Equal(5, row.QuerySelectorAll(".series-gaps .mud-typography-caption").Count(c => c.TextContent.Contains('→', StringComparison.Ordinal)));
        Assert.Equal("… and 2 more", row.QuerySelector(".series-gaps-more")!.TextContent.Trim());
        // Series 7 misses hours 5, 15, 25, … after 2025-06-01 00:00, one candle each.
        Assert.Contains("2025-06-01 05:00 → 06:00 (1)", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("2025-06-01 15:00 → 16:00 (1)", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("none", cut.FindAll(".candle-series-row")[0].QuerySelector(".series-gaps")!.TextContent, StringComparison.Ordinal);

        // The pager moves at once; the rows follow when the store answers.
        cut.Find("button[aria-label='Next page']").Click();
        cut.WaitForAssertion(() =>
        {
            Assert.Equal("26-50 of 60", Pager(cut));
            Assert.Equal(Enumerable.Range(25, 25).Select(i => $"S{i:D2}USDT"), Symbols(cut));
        }, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Sorting_by_gaps_descending_asks_the_database_for_the_gappiest_series()
    {
        var cut = _ctx.Render<CandleStorePage>();
        cut.WaitForAssertion(() => Assert.Equal(25, cut.FindAll(".candle-series-row").Count), TimeSpan.FromSeconds(10));
        // The first click sorts ascending, the second descending; each asks the store again.
        Header(cut, "Gaps").Click();
        // No gaps: S00 on binance, then the testnet's S50 … S59, then S01 with one.
        cut.WaitForAssertion(() => Assert.Equal(["S00USDT", "S50USDT", "S51USDT"], Symbols(cut).Take(3)), TimeSpan.FromSeconds(10));
        Assert.Equal("S01USDT", Symbols(cut)[11]);
        Header(cut, "Gaps").Click();
        cut.WaitForAssertion(() => Assert.Equal("S49USDT", Symbols(cut)[0]), TimeSpan.FromSeconds(10));
        Assert.Equal(Enumerable.Range(25, 25).Reverse().Select(i => $"S{i:D2}USDT"), Symbols(cut));
        Assert.Equal("1-25 of 60", Pager(cut));
    }

    [Fact]
    public void Filters_reach_the_database_and_a_new_filter_starts_on_the_first_page()
    {
        var cut = _ctx.Render<CandleStorePage>();
        cut.WaitForAssertion(() => Assert.Equal(25, cut.FindAll(".candle-series-row").Count), TimeSpan.FromSeconds(10));
        cut.Find("button[aria-label='Next page']").Click();
        cut.WaitForAssertion(() => Assert.Equal("S25USDT", Symbols(cut)[0]), TimeSpan.FromSeconds(10));

        cut.Find("#filter-symbol").Input("s1");
        cut.WaitForAssertion(() =>
        {
            Assert.Equal("1-10 of 10", Pager(cut));
            Assert.Equal(Enumerable.Range(10, 10).Select(i => $"S{i:D2}USDT"), Symbols(cut));
        }, TimeSpan.FromSeconds(10));

        // S05, S15, S25, S35, S45 and S50 … S59.
        cut.Find("#filter-symbol").Input("5");
        cut.WaitForAssertion(() => Assert.Equal("1-15 of 15", Pager(cut)), TimeSpan.FromSeconds(10));
        cut.InvokeAsync(() => Select(cut, "filter-timeframe").ValueChanged.InvokeAsync("1d"));
        cut.WaitForAssertion(() =>
        {
            Assert.Equal("1-10 of 10", Pager(cut));
            Assert.Equal(Enumerable.Range(50, 10).Select(i => $"S{i:D2}USDT"), Symbols(cut));
        }, TimeSpan.FromSeconds(10));
        Assert.All(cut.FindAll(".candle-series-row"), r => Assert.Contains("binance_testnet", r.TextContent, StringComparison.Ordinal));

        cut.InvokeAsync(() => Select(cut, "filter-exchange").ValueChanged.InvokeAsync(ExchangeNames.Binance));
        cut.WaitForAssertion(() => Assert.Equal("No stored series matches these filters.", cut.Find("#candle-series-empty").TextContent.Trim()), TimeSpan.FromSeconds(10));
    }
}

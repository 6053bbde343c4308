using System.Text.RegularExpressions;
using AlgoTrade.Core.Accounts;
using AlgoTrade.Core.Candles;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Market;
using AlgoTrade.Tests.Candles;
using AlgoTrade.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AlgoTrade.Tests.E2E;

/// <summary>
/// A trader narrows the stored series to 30 of their own by symbol, pages to the second page, sorts by gaps and
/// narrows by timeframe, which starts again at the first page.
/// </summary>
[Collection(BrowserCollection.Name)]
public class CandleSeriesPagingWalkTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_trader_filters_pages_and_sorts_the_stored_series()
    {
        // 30 series: 20 hourly, series i with i % 7 one-candle gaps, and 10 daily without gaps.
        var prefix = CandleStoreTests.NewSymbol("PP")[..8];
        var store = browser.App.Services.GetRequiredService<CandleStore>();
        var start = new DateTime(2025, 9, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < 30; i++)
        {
            var timeframe = i < 20 ? Timeframe.H1 : Timeframe.D1;
            var gaps = i < 20 ? i % 7 : 0;
            var candles = CandleStoreTests.Series(start, timeframe, 40 + 10 * gaps).Where((_, n) => n % 10 != 5 || n / 10 >= gaps).ToArray();
            await store.WriteAsync(new CandleSeriesKey(ExchangeNames.Binance, $"{prefix}{i:D2}USDT", timeframe), candles, CancellationToken.None);
        }

        var email = TestUsers.NewEmail("candles-trader");
        await browser.App.Services.GetRequiredService<UserAccountService>().RegisterAsync(email, TestUsers.Password);
        var page = await browser.SignedInPageAsync(browser.App, email, TestUsers.Password);
        await page.GotoAsync("/candles");
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Expect(page.Locator("#candle-import")).ToHaveCountAsync(0);

        var rows = page.Locator(".candle-series-row");
        var pager = page.Locator(".mud-table-pagination-caption").Last;
        await page.FillAsync("#filter-symbol", prefix.ToLowerInvariant());
        await Expect(pager).ToHaveTextAsync("1-25 of 30");
        await Expect(rows).ToHaveCountAsync(25);
        await Expect(rows.First).ToContainTextAsync($"{prefix}00USDT");

        await page.ClickAsync("button[aria-label='Next page']");
        await Expect(pager).ToHaveTextAsync("26-30 of 30");
        await Expect(rows).ToHaveCountAsync(5);
        await Expect(rows.First).ToContainTextAsync($"{prefix}25USDT");
        await ShotAsync(page, "candles-filtered-second-page");

        await page.ClickAsync("button[aria-label='First page']");
        await Expect(pager).ToHaveTextAsync("1-25 of 30");
        // Gaps, twice: descending. Series 6 and 13 have 6 gaps each (13's two spans end later: same count and missing).
        var gapsHeader = page.Locator(".sortable-column-header", new() { HasTextRegex = new Regex("^Gaps$") });
        await gapsHeader.ClickAsync();
        await gapsHeader.ClickAsync();
        await Expect(rows.First).ToContainTextAsync($"{prefix}06USDT");
        await Expect(rows.First.Locator(".series-gaps")).ToContainTextAsync("6 gap(s), 6 candle(s) missing");
        await Expect(rows.First.Locator(".series-gaps-more")).ToHaveTextAsync("… and 1 more");
        await Expect(rows.First.Locator(".series-gaps")).ToContainTextAsync("2025-09-01 05:00 → 06:00 (1)");
        await Expect(rows.Nth(1)).ToContainTextAsync($"{prefix}13USDT");
        await ShotAsync(page, "candles-sorted-by-gaps");

        await page.Locator("div.mud-input-control.mud-select:has(#filter-timeframe)").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextRegex = new Regex(@"^\s*1d\s*$") }).ClickAsync();
        await Expect(pager).ToHaveTextAsync("1-10 of 10");
        await Expect(rows).ToHaveCountAsync(10);
        await Expect(rows.First.Locator(".series-gaps")).ToHaveTextAsync("none");
        await ShotAsync(page, "candles-filtered-by-timeframe");
        await page.Context.CloseAsync();
    }

    // From the top: a full-page shot of a scrolled page draws the fixed app bar part-way down.
    private static async Task ShotAsync(IPage page, string name)
    {
        await page.EvaluateAsync("window.scrollTo(0, 0)");
        await BrowserFixture.ScreenshotAsync(page, name);
    }
}

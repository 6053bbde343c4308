using System.Text;
using AlgoTrade.Core.Accounts;
using AlgoTrade.Tests.Candles;
using AlgoTrade.Tests.Infrastructure;
using AlgoTrade.Tests.Web.Candles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AlgoTrade.Tests.E2E;

/// <summary>An admin opens Candles from the menu, uploads a CSV with a bad row (refused), then a good one, and sees the series with its gap.</summary>
[Collection(BrowserCollection.Name)]
public class CandleImportWalkTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_admin_uploads_a_csv_into_the_candle_store_from_the_browser()
    {
        var email = TestUsers.NewEmail("candles-admin");
        await browser.App.Services.GetRequiredService<UserAccountService>().CreateOrPromoteAdminAsync(email, TestUsers.Password);
        var page = await browser.SignedInPageAsync(browser.App, email, TestUsers.Password);

        // A click on the menu before the dashboard's circuit is up can be lost to the page's own start.
        await BrowserFixture.WaitForInteractiveAsync(page);
        await page.ClickAsync("#nav-candles");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/candles$"));
        await BrowserFixture.WaitForInteractiveAsync(page);
        var symbol = CandleStoreTests.NewSymbol("pw");
        await page.FillAsync("#import-symbol", symbol);
        await page.Locator("#import-symbol").BlurAsync();

        var bad = CandleStorePageTests.HourlyCsv(30).Replace("2025-08-01T05:00:00Z,", "2025-08-01T05:00:00Z,x", StringComparison.Ordinal);
        await page.Locator("input[type=file]").Last.SetInputFilesAsync(new FilePayload { Name = "bad.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(bad) });
        await Expect(page.Locator("#import-message")).ToContainTextAsync("bad.csv has 1 bad row(s); nothing was saved.");
        await Expect(page.Locator(".import-issue").First).ToContainTextAsync("line 7: open 'x");
        await BrowserFixture.ScreenshotAsync(page, "candles-import-bad-rows");

        // MudFileUpload adds a fresh input after each upload.
        var good = CandleStorePageTests.HourlyCsv(48, skipFrom: 20, skipTo: 22);
        await page.Locator("input[type=file]").Last.SetInputFilesAsync(new FilePayload { Name = "good.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(good) });
        await Expect(page.Locator("#import-message")).ToContainTextAsync($"binance {symbol} 1h: 46 candle(s) inserted, 0 already present");
        // Other tests' series share the database: the symbol filter brings this one onto the first page.
        await page.FillAsync("#filter-symbol", symbol);
        await Expect(page.Locator(".candle-series-row")).ToHaveCountAsync(1);
        var row = page.Locator(".candle-series-row", new() { HasText = symbol });
        await Expect(row).ToContainTextAsync("1 gap(s), 2 candle(s) missing");
        await Expect(row).ToContainTextAsync("2025-08-01 20:00 → 22:00 (2)");
        await BrowserFixture.ScreenshotAsync(page, "candles-imported");
        await page.Context.CloseAsync();
    }
}

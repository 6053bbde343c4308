using System.Text.RegularExpressions;
using AlgoTrade.Core.Accounts;
using AlgoTrade.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AlgoTrade.Tests.E2E;

/// <summary>
/// A trader runs a backtest on the offline simulated market through the form, watches it complete and reads the
/// summary, equity curve, fills and config; another trader gets 404 for it.
/// </summary>
[Collection(BrowserCollection.Name)]
public class BacktestWorkflowTests(BrowserFixture browser)
{
    private async Task<IPage> LoggedInPageAsync(string prefix)
    {
        var email = TestUsers.NewEmail(prefix);
        await browser.App.Services.GetRequiredService<UserAccountService>().RegisterAsync(email, TestUsers.Password);
        return await browser.SignedInPageAsync(browser.App, email, TestUsers.Password);
    }

    [Fact]
    public async Task A_trader_backtests_on_the_simulated_market_and_reads_the_results_that_others_cannot_open()
    {
        var page = await LoggedInPageAsync("btflow");
        await page.GotoAsync("/backtests");
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Expect(page.Locator("#no-backtests")).ToBeVisibleAsync();
        await page.ClickAsync("#backtest-new");
        await Expect(page).ToHaveURLAsync(new Regex("/backtests/new$"));
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Expect(page.Locator(".mud-input-control:has(#backtest-symbol)")).ToContainTextAsync("trading symbols on simulated");

        // A bad value keeps its message on its field and starts nothing; fixing it keeps everything else.
        await page.FillAsync("#bot-capital", "0");
        await page.FillAsync("#backtest-fee", "0.1");
        await page.ClickAsync("#backtest-run");
        await Expect(page.Locator("#form-errors")).ToBeVisibleAsync();
        await Expect(page.Locator(".mud-input-control:has(#bot-capital)")).ToContainTextAsync("greater than 0");
        await page.EvaluateAsync("window.scrollTo(0, 0)");
        await BrowserFixture.ScreenshotAsync(page, "backtests-form-errors");
        await page.FillAsync("#bot-capital", "5000");
        await page.Locator("#bot-capital").BlurAsync();
        await Expect(page.Locator("#form-errors")).Not.ToBeVisibleAsync();
        await page.ClickAsync("#backtest-run");

        await Expect(page).ToHaveURLAsync(new Regex("/backtests/[0-9a-f-]{36}$"));
        var detailUrl = page.Url;
        await Expect(page.Locator("#backtest-summary")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Expect(page.Locator(".backtest-status")).ToHaveAttributeAsync("data-status", "completed");
        await Expect(page.Locator(".metric:has-text('Initial equity') .metric-value")).ToHaveTextAsync("5,000.00");
        await Expect(page.Locator(".metric:has-text('Total return') .metric-value")).ToHaveTextAsync(new Regex(@"^[+-]?\d+\.\d\d %$"));
        await Expect(page.Locator("#chart-backtest-equity canvas").First).ToBeVisibleAsync();
        await Expect(page.Locator("#backtest-config")).ToContainTextAsync("\"initial_capital\": 5000");
        await Expect(page.Locator("#backtest-config")).ToContainTextAsync("\"exchange_name\": \"simulated\"");
        await BrowserFixture.ScreenshotAsync(page, "backtests-result");

        await page.GotoAsync("/backtests");
        await BrowserFixture.WaitForInteractiveAsync(page);
        var row = page.Locator("#backtests-grid tbody tr").First;
        await Expect(row.Locator(".backtest-status")).ToHaveAttributeAsync("data-status", "completed");
        await Expect(row.Locator(".backtest-return")).ToHaveTextAsync(new Regex(@"\d+\.\d\d %"));
        await BrowserFixture.ScreenshotAsync(page, "backtests-list");

        var intruder = await LoggedInPageAsync("btintruder");
        var response = await intruder.GotoAsync(detailUrl);
        Assert.Equal(404, response!.Status);
        await Expect(intruder.Locator("#not-found")).ToBeVisibleAsync();
        await intruder.GotoAsync("/backtests");
        await BrowserFixture.WaitForInteractiveAsync(intruder);
        await Expect(intruder.Locator("#no-backtests")).ToBeVisibleAsync();
        await intruder.Context.CloseAsync();
        await page.Context.CloseAsync();
    }
}

using System.Text.RegularExpressions;
using AlgoTrade.Core.Accounts;
using AlgoTrade.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AlgoTrade.Tests.E2E;

/// <summary>
/// A trader runs two backtests on the simulated market that differ in their stop loss, picks both on the list and
/// compares them: metrics side by side, both equity curves on one chart, the stop loss row emphasised.
/// </summary>
[Collection(BrowserCollection.Name)]
public class BacktestCompareWalkTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_trader_picks_two_runs_on_the_list_and_compares_them()
    {
        var email = TestUsers.NewEmail("compare");
        await browser.App.Services.GetRequiredService<UserAccountService>().RegisterAsync(email, TestUsers.Password);
        var page = await browser.SignedInPageAsync(browser.App, email, TestUsers.Password);

        foreach (var stopLoss in new[] { "1", "6" })
        {
            await page.GotoAsync("/backtests/new");
            await BrowserFixture.WaitForInteractiveAsync(page);
            await Expect(page.Locator(".mud-input-control:has(#backtest-symbol)")).ToContainTextAsync("trading symbols on simulated");
            await page.FillAsync("#bot-stop-loss", stopLoss);
            await page.Locator("#bot-stop-loss").BlurAsync();
            await page.ClickAsync("#backtest-run");
            await Expect(page).ToHaveURLAsync(new Regex("/backtests/[0-9a-f-]{36}$"));
            await Expect(page.Locator("#backtest-summary")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        }

        await page.GotoAsync("/backtests");
        await BrowserFixture.WaitForInteractiveAsync(page);
        var boxes = page.Locator("#backtests-grid .backtest-select input");
        await Expect(boxes).ToHaveCountAsync(2);
        await Expect(page.Locator("#backtest-compare")).ToBeDisabledAsync();
        await boxes.Nth(0).CheckAsync();
        await boxes.Nth(1).CheckAsync();
        await Expect(page.Locator("#backtest-compare")).ToContainTextAsync("Compare (2)");
        await BrowserFixture.ScreenshotAsync(page, "backtests-compare-pick");
        await page.ClickAsync("#backtest-compare");

        await Expect(page).ToHaveURLAsync(new Regex("/backtests/compare\\?ids=[0-9a-f-]{36},[0-9a-f-]{36}$"));
        await Expect(page.Locator("#compare-metrics .metric-row").First).ToBeVisibleAsync();
        await Expect(page.Locator("#compare-metrics .metric-row[data-metric='Total return'] .metric-value")).ToHaveCountAsync(2);
        await Expect(page.Locator("#compare-config .config-differs")).ToHaveCountAsync(1);
        await Expect(page.Locator("#compare-config .config-differs")).ToHaveAttributeAsync("data-key", "Stop loss %");
        await Expect(page.Locator("#chart-compare-equity canvas").First).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "backtests-compare");
        await page.Context.CloseAsync();
    }
}

using System.Text.RegularExpressions;
using AlgoTrade.Core.Accounts;
using AlgoTrade.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AlgoTrade.Tests.E2E;

/// <summary>
/// A trader runs a backtest on the simulated market, reads its charts, picks a trade to see its levels on the price
/// chart, sorts the trade list on the server and creates a bot from the run.
/// </summary>
[Collection(BrowserCollection.Name)]
public class BacktestResultsWalkTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_trader_reads_a_result_picks_a_trade_and_creates_a_bot_from_the_run()
    {
        var email = TestUsers.NewEmail("results");
        await browser.App.Services.GetRequiredService<UserAccountService>().RegisterAsync(email, TestUsers.Password);
        var page = await browser.SignedInPageAsync(browser.App, email, TestUsers.Password);

        await page.GotoAsync("/backtests/new");
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Expect(page.Locator(".mud-input-control:has(#backtest-symbol)")).ToContainTextAsync("trading symbols on simulated");
        await page.ClickAsync("#backtest-run");
        await Expect(page).ToHaveURLAsync(new Regex("/backtests/[0-9a-f-]{36}$"));
        await Expect(page.Locator("#backtest-summary")).ToBeVisibleAsync(new() { Timeout = 60_000 });

        await Expect(page.Locator("#chart-backtest-price canvas").First).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => window.algotradeCharts['backtest-price']?.candleCount() > 0");
        var markers = await page.EvaluateAsync<int>("() => window.algotradeCharts['backtest-price'].markerCount()");
        var overlays = await page.EvaluateAsync<string[]>("() => window.algotradeCharts['backtest-price'].overlays()");
        Assert.True(markers > 0, "the run has fills on the chart");
        Assert.Equal(3, overlays.Length); // the default strategy draws its two EMAs and its RSI
        await Expect(page.Locator("#monthly-returns .monthly-cell").First).ToBeVisibleAsync();
        await Expect(page.Locator("#return-histogram svg")).ToBeVisibleAsync();

        var rows = page.Locator("#backtest-trips tbody tr.trip-row");
        await Expect(rows.First).ToBeVisibleAsync();
        await rows.Nth(1).ClickAsync();
        await Expect(page.Locator("#selected-trip")).ToContainTextAsync("Trade #2");
        await page.WaitForFunctionAsync("() => window.algotradeCharts['backtest-price'].levels().stopLoss > 0");
        var levels = await page.EvaluateAsync<Dictionary<string, double>>("() => window.algotradeCharts['backtest-price'].levels()");
        Assert.True(levels["stopLoss"] < levels["entry"] && levels["entry"] < levels["takeProfit"]);
        await page.EvaluateAsync("window.scrollTo(0, 0)");
        await BrowserFixture.ScreenshotAsync(page, "backtest-result-charts");

        // Sorting by PnL is done by PostgreSQL: the first row after a descending sort is the best trade.
        var pnlHeader = page.Locator("#backtest-trips th:has-text('PnL') .sortable-column-header, #backtest-trips th:has-text('PnL') .column-header").First;
        await pnlHeader.ClickAsync();
        await pnlHeader.ClickAsync();
        await Expect(page.Locator("#backtest-trips tbody tr.trip-row").First.Locator(".trip-pnl")).ToHaveTextAsync(new Regex(@"^\s*[+]"));
        await page.Locator("#backtest-trips").ScrollIntoViewIfNeededAsync();
        await BrowserFixture.ScreenshotAsync(page, "backtest-result-trades");

        await page.ClickAsync("#create-bot-from-backtest");
        await Expect(page).ToHaveURLAsync(new Regex("/bots/new\\?fromBacktest=[0-9a-f-]{36}$"));
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Expect(page.Locator("#prefill-source")).ToBeVisibleAsync();
        await Expect(page.Locator("#bot-name")).ToHaveValueAsync("EMA cross + RSI filter BTCUSDT 1h");
        await BrowserFixture.ScreenshotAsync(page, "bot-from-backtest");
        await page.ClickAsync("#bot-save");
        await Expect(page).ToHaveURLAsync(new Regex("/bots$"));
        await Expect(page.Locator("body")).ToContainTextAsync("EMA cross + RSI filter BTCUSDT 1h");
        await page.Context.CloseAsync();
    }
}

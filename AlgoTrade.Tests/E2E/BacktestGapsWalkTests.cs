using AlgoTrade.Core.Accounts;
using AlgoTrade.Core.Backtesting;
using AlgoTrade.Core.Backtesting.Results;
using AlgoTrade.Core.Candles;
using AlgoTrade.Core.Market;
using AlgoTrade.Tests.Backtesting.Results;
using AlgoTrade.Tests.Core.Backtesting;
using AlgoTrade.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace AlgoTrade.Tests.E2E;

/// <summary>A result whose data had gaps shows the warning panel under the summary in the browser.</summary>
[Collection(BrowserCollection.Name)]
public class BacktestGapsWalkTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_trader_sees_the_gaps_of_a_runs_data_under_its_summary()
    {
        var email = TestUsers.NewEmail("gapswalk");
        var user = (await browser.App.Services.GetRequiredService<UserAccountService>().RegisterAsync(email, TestUsers.Password)).User!;
        var candles = BacktestChartBuilderTests.Hourly(2_000, seed: 3).Where((_, i) => i is not (>= 300 and < 336 or 1200 or 1201)).ToArray();
        var config = BacktestChartBuilderTests.Config();
        var result = BacktestChartBuilder.Attach(Backtester.Run(config, candles), config, candles) with
        {
            DataGaps = CandleGapReport.Find(candles, Timeframe.H1),
        };
        var id = await BacktestJobRows.SaveAsync(browser.App.Services, user.Id, config, BacktestJson.Serialize(result));
        var page = await browser.SignedInPageAsync(browser.App, email, TestUsers.Password);

        await page.GotoAsync($"/backtests/{id}");
        await BrowserFixture.WaitForInteractiveAsync(page); // the interactive render replaces the prerendered panel
        await Expect(page.Locator("#backtest-gaps")).ToBeVisibleAsync();
        await Expect(page.Locator("#backtest-gaps-summary")).ToContainTextAsync("38 missing candles in 2 gaps: 1.90 % of the 2,000 candles");
        await Expect(page.Locator("#backtest-gap-list tr.gap-row")).ToHaveCountAsync(2);
        await page.Locator("#backtest-gaps").ScrollIntoViewIfNeededAsync();
        await BrowserFixture.ScreenshotAsync(page, "backtest-result-gaps");
    }
}

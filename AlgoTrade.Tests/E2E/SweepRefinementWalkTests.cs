using System.Text.Json;
using System.Text.RegularExpressions;
using AlgoTrade.Core.Accounts;
using AlgoTrade.Core.Backtesting;
using AlgoTrade.Core.Backtesting.Jobs;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Events;
using AlgoTrade.Core.Runtime;
using AlgoTrade.Core.Sweeps;
using AlgoTrade.Core.Trading;
using AlgoTrade.Hosting.Live;
using AlgoTrade.Tests.Backtesting.Results;
using AlgoTrade.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AlgoTrade.Tests.E2E;

/// <summary>
/// A trader starts a Bayesian refinement (TPE) sweep in the browser and reads its result once the batches are done.
/// The app runs on its own database without a worker; the test's node runs the queued chunks and the batches they plan.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SweepRefinementWalkTests(BrowserFixture browser) : IAsyncLifetime
{
    private static readonly DateTime Start = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private FreshDatabase _database = default!;
    private AlgoTradeWebFactory _app = default!;
    private ServiceProvider _node = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateFreshAsync();
        var settings = new Dictionary<string, string?>(BotFixtures.OfflineBinance) { ["Sweeps:ChunkSize"] = "4" };
        _app = await AlgoTradeWebFactory.StartAsync(new Dictionary<string, string?>(settings) { ["WorkQueue:Enabled"] = "false" },
            connectionString: _database.ConnectionString);
        _node = CoreServices.ResearchNode(_database.ConnectionString, new Dictionary<string, string?>(settings) { ["WorkQueue:NodeId"] = "tpe-walk-node" });
    }

    public async Task DisposeAsync()
    {
        await _node.DisposeAsync();
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    private static async Task FillAsync(ILocator input, string value)
    {
        await input.FillAsync(value);
        await input.BlurAsync();
    }

    [Fact]
    public async Task A_trader_runs_a_bayesian_refinement_from_the_form_to_its_result()
    {
        var email = TestUsers.NewEmail("tpewalk");
        var userId = (await _app.Services.GetRequiredService<UserAccountService>().RegisterAsync(email, TestUsers.Password)).User!.Id;
        var backtest = await BacktestJobRows.SaveAsync(_app.Services, userId, new BacktestConfig
        {
            Symbol = "BTCUSDT", ExchangeName = ExchangeNames.Simulated, Timeframe = "1h", Start = Start, End = Start.AddDays(120),
            StrategyType = "ema_cross_rsi",
            StrategyParams = JsonDocument.Parse("""{"ema_fast": 9, "ema_slow": 40, "rsi_period": 14, "rsi_overbought": 70}""").RootElement,
            Risk = new RiskSettings { InitialCapital = 10_000, PositionSizePerc = 50, StopLossPerc = 2, TakeProfitPerc = 4, FeeRate = 0.001m },
        });

        var page = await browser.SignedInPageAsync(_app, email, TestUsers.Password);
        await page.GotoAsync($"/sweeps/new?fromBacktest={backtest}");
        await BrowserFixture.WaitForInteractiveAsync(page);
        var rows = page.Locator(".sweep-dimension");
        await Expect(rows).ToHaveCountAsync(1);
        await FillAsync(rows.Nth(0).Locator(".sweep-values input"), "");
        foreach (var (field, value) in new[] { ("min", "3"), ("max", "36"), ("step", "3") })
            await FillAsync(rows.Nth(0).Locator($".sweep-{field} input"), value);
        await page.ClickAsync("#sweep-add-dimension");
        await rows.Nth(1).Locator("div.mud-input-control.mud-select").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextRegex = new Regex("^\\s*Risk · Stop-loss %\\s*$") }).ClickAsync();
        await FillAsync(rows.Nth(1).Locator(".sweep-values input"), "");
        foreach (var (field, value) in new[] { ("min", "0.5"), ("max", "6"), ("step", "0.5") })
            await FillAsync(rows.Nth(1).Locator($".sweep-{field} input"), value);
        await page.Locator("div.mud-input-control.mud-select:has(#sweep-search)").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "Bayesian refinement (TPE)" }).ClickAsync();
        await FillAsync(page.Locator("#sweep-samples"), "30");
        await FillAsync(page.Locator("#sweep-initial-samples"), "10");
        await FillAsync(page.Locator("#sweep-batch-size"), "5");
        await FillAsync(page.Locator("#sweep-min-trades"), "3");
        await Expect(page.Locator("#sweep-count")).ToContainTextAsync("30 distinct evaluations: 10 random, then batches of 5 proposed where the finished points score best");
        await Expect(page.Locator(".sweep-form-error")).ToHaveCountAsync(0);
        await page.EvaluateAsync("window.scrollTo(0, 0)");
        await BrowserFixture.ScreenshotAsync(page, "sweeps-form-tpe");
        await page.ClickAsync("#sweep-start");

        await Expect(page).ToHaveURLAsync(new Regex("/sweeps/[0-9a-f-]{36}$"));
        var sweepId = Guid.Parse(page.Url[^36..]);
        await WorkQueueDrain.UntilFinishedAsync(_node, sweepId);
        await page.ReloadAsync();
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Expect(page.Locator("#sweep-progress")).ToContainTextAsync("30 of 30 points evaluated");
        await Expect(page.Locator("#sweep-summary")).ToContainTextAsync("Bayesian refinement (TPE), seed 1: 10 random points, then batches of 5");
        await Expect(page.Locator("#sweep-best")).ToBeVisibleAsync();
        await using var db = TestDatabase.CreateContext(_database.ConnectionString);
        var points = await db.SweepEvaluations.AsNoTracking().Where(e => e.SweepId == sweepId).Select(e => e.Params).ToListAsync();
        Assert.Equal(30, points.Select(p => p.RootElement.GetRawText()).Distinct().Count());
        Assert.Equal(SweepStatus.Completed, (await db.Sweeps.AsNoTracking().SingleAsync(s => s.Id == sweepId)).Status);
        await BrowserFixture.ScreenshotAsync(page, "sweeps-result-tpe");
    }
}

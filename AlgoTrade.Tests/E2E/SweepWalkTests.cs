using System.Globalization;
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
using AlgoTrade.Core.WorkQueue;
using AlgoTrade.Hosting.Live;
using AlgoTrade.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AlgoTrade.Tests.E2E;

/// <summary>
/// A trader sweeps a backtest in the browser: two strategy parameters and the stop-loss on the simulated market, bad
/// grids refused with their message, the sweep started, its progress moving, the results read (table, heatmap,
/// importance), the best point picked and turned into a bot whose stored settings are that point's.
/// The app runs on its own database without a worker; the test is the node that runs the queued chunks, one at a
/// time, so the page is seen part-way as well as finished.
/// </summary>
[Collection(BrowserCollection.Name)]
public partial class SweepWalkTests(BrowserFixture browser) : IAsyncLifetime
{
    private const int ChunkSize = 6;
    private static readonly DateTime Start = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private FreshDatabase _database = default!;
    private AlgoTradeWebFactory _app = default!;
    private ServiceProvider _node = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateFreshAsync();
        var settings = new Dictionary<string, string?>(BotFixtures.OfflineBinance)
        {
            ["Sweeps:ChunkSize"] = ChunkSize.ToString(CultureInfo.InvariantCulture),
            ["Sweeps:MaxEvaluationsPerSweep"] = "100000",
        };
        _app = await AlgoTradeWebFactory.StartAsync(new Dictionary<string, string?>(settings) { ["WorkQueue:Enabled"] = "false" },
            connectionString: _database.ConnectionString);
        _node = CoreServices.ResearchNode(_database.ConnectionString, new Dictionary<string, string?>(settings) { ["WorkQueue:NodeId"] = "walk-node" });
    }

    public async Task DisposeAsync()
    {
        await _node.DisposeAsync();
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    private static BacktestConfig BaseBacktest() => new()
    {
        Symbol = "BTCUSDT",
        ExchangeName = ExchangeNames.Simulated,
        Timeframe = "1h",
        Start = Start,
        End = Start.AddDays(120),
        StrategyType = "ema_cross_rsi",
        StrategyParams = JsonDocument.Parse("""{"ema_fast": 9, "ema_slow": 21, "rsi_period": 14, "rsi_overbought": 70}""").RootElement,
        Risk = new RiskSettings { InitialCapital = 10_000, PositionSizePerc = 50, StopLossPerc = 2, TakeProfitPerc = 4, FeeRate = 0.001m },
    };

    private static async Task PickAsync(IPage page, ILocator select, string option)
    {
        await select.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextRegex = new Regex($"^\\s*{Regex.Escape(option)}\\s*$") }).ClickAsync();
    }

    // From the top: a full-page shot of a scrolled page draws the fixed app bar part-way down.
    private static async Task ShotAsync(IPage page, string name)
    {
        await page.EvaluateAsync("window.scrollTo(0, 0)");
        await BrowserFixture.ScreenshotAsync(page, name);
    }

    private static async Task FillAsync(ILocator input, string value)
    {
        await input.FillAsync(value);
        await input.BlurAsync();
    }

    private async Task<int> SweepCountAsync(int userId)
    {
        await using var db = TestDatabase.CreateContext(_database.ConnectionString);
        return await db.Sweeps.CountAsync(s => s.UserId == userId);
    }

    [Fact]
    public async Task A_trader_sweeps_a_backtest_picks_the_best_point_and_creates_a_bot_with_its_settings()
    {
        var email = TestUsers.NewEmail("sweepwalk");
        var userId = (await _app.Services.GetRequiredService<UserAccountService>().RegisterAsync(email, TestUsers.Password)).User!.Id;
        var backtest = await _node.GetRequiredService<BacktestJobService>().CreateAsync(userId, BaseBacktest());
        Assert.True(backtest.Succeeded, string.Join(" ", backtest.Errors.SelectMany(e => e.Value)));
        await WorkQueueDrain.UntilFinishedAsync(_node, backtest.JobId!.Value);

        var page = await browser.SignedInPageAsync(_app, email, TestUsers.Password);
        await BrowserFixture.WaitForInteractiveAsync(page);
        await page.ClickAsync("#nav-sweeps");
        await Expect(page).ToHaveURLAsync(new Regex("/sweeps$"));
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Expect(page.Locator("#no-sweeps")).ToBeVisibleAsync();
        await ShotAsync(page, "sweeps-list-empty");
        await page.ClickAsync("#sweep-new");
        await Expect(page).ToHaveURLAsync(new Regex("/sweeps/new$"));
        await BrowserFixture.WaitForInteractiveAsync(page);

        // 1. The base backtest; the first row starts on its first strategy parameter at the backtest's value.
        await page.Locator("div.mud-input-control.mud-select:has(#sweep-base)").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "BTCUSDT 1h · 2024-01-01 → 2024-04-29" }).ClickAsync();
        var rows = page.Locator(".sweep-dimension");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(page.Locator(".sweep-limits").First).ToContainTextAsync("the backtest uses 9");

        // Bad input first: no parameter at all, a row with neither list nor range, a grid over the cap.
        await page.Locator(".sweep-dimension .sweep-remove").First.ClickAsync();
        await Expect(page.Locator(".sweep-form-error")).ToHaveTextAsync("Choose at least one parameter to sweep.");
        await page.ClickAsync("#sweep-start");
        await Expect(page.Locator(".sweep-form-error")).ToHaveTextAsync("Choose at least one parameter to sweep.");
        await ShotAsync(page, "sweeps-form-empty-grid");
        await page.ClickAsync("#sweep-add-dimension");
        await FillAsync(rows.Nth(0).Locator(".sweep-values input"), "");
        await Expect(page.Locator(".sweep-form-error")).ToHaveTextAsync("Parameter 1: Give Fast EMA period a list of values or a range with min and max.");
        foreach (var (field, value) in new[] { ("min", "2"), ("max", "500"), ("step", "1") })
            await FillAsync(rows.Nth(0).Locator($".sweep-{field} input"), value);
        await page.ClickAsync("#sweep-add-dimension");
        foreach (var (field, value) in new[] { ("min", "3"), ("max", "500"), ("step", "1") })
            await FillAsync(rows.Nth(1).Locator($".sweep-{field} input"), value);
        await FillAsync(rows.Nth(1).Locator(".sweep-values input"), "");
        await Expect(page.Locator(".sweep-form-error")).ToContainTextAsync(
            "This grid has 248,502 combinations; at most 100,000 are allowed per sweep. Narrow the ranges, take larger steps or use random search.");
        await page.ClickAsync("#sweep-start");
        await Expect(page.Locator(".sweep-form-error")).ToContainTextAsync("248,502 combinations");
        await ShotAsync(page, "sweeps-form-too-many");
        Assert.Equal(0, await SweepCountAsync(userId));

        // The sweep: fast EMA 5/9/13, slow EMA 20..40 step 10, stop-loss 1/2.5/4: 27 points.
        foreach (var field in new[] { "min", "max", "step" })
            await FillAsync(rows.Nth(0).Locator($".sweep-{field} input"), "");
        await FillAsync(rows.Nth(0).Locator(".sweep-values input"), "1, 5, 9");
        await Expect(page.Locator(".sweep-form-error")).ToHaveTextAsync("Parameter 1: Fast EMA period must be at least 2 and at most 500 (got 1).");
        await FillAsync(rows.Nth(0).Locator(".sweep-values input"), "5, 9, 13");
        foreach (var (field, value) in new[] { ("min", "20"), ("max", "40"), ("step", "10") })
            await FillAsync(rows.Nth(1).Locator($".sweep-{field} input"), value);
        await page.ClickAsync("#sweep-add-dimension");
        await PickAsync(page, rows.Nth(2).Locator("div.mud-input-control.mud-select"), "Risk · Stop-loss %");
        await FillAsync(rows.Nth(2).Locator(".sweep-values input"), "1, 2.5, 4");
        await PickAsync(page, page.Locator("div.mud-input-control.mud-select:has(#sweep-objective)"), "Total return %");
        await FillAsync(page.Locator("#sweep-min-trades"), "3");
        await Expect(page.Locator("#sweep-count")).ToContainTextAsync("3 × 3 × 3 = 27 evaluations (at most 100,000 per sweep).");
        await Expect(page.Locator(".sweep-form-error")).ToHaveCountAsync(0);
        await ShotAsync(page, "sweeps-form");
        await page.ClickAsync("#sweep-start");

        await Expect(page).ToHaveURLAsync(new Regex("/sweeps/[0-9a-f-]{36}$"));
        var sweepId = Guid.Parse(page.Url[^36..]);
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Expect(page.Locator("#sweep-progress")).ToContainTextAsync("0 of 27 points evaluated");

        // One chunk on the node; the open page follows without a reload.
        var runner = _node.GetRequiredService<WorkItemRunner>();
        Assert.True(await runner.TryRunNextAsync(CancellationToken.None));
        await Expect(page.Locator("#sweep-progress")).ToContainTextAsync($"{ChunkSize} of 27 points evaluated");
        await Expect(page.Locator("#sweep-title-row .sweep-status")).ToContainTextAsync("running");
        await ShotAsync(page, "sweeps-running");

        await WorkQueueDrain.UntilFinishedAsync(_node, sweepId);
        await Expect(page.Locator("#sweep-progress")).ToContainTextAsync("27 of 27 points evaluated");
        await Expect(page.Locator("#sweep-title-row .sweep-status")).ToContainTextAsync("completed");
        var sweep = (await _node.GetRequiredService<SweepService>().GetAsync(userId, sweepId))!;
        Assert.Equal((SweepStatus.Completed, 27L), (sweep.Status, sweep.EvaluatedPoints));
        var best = sweep.Best!;
        await Expect(page.Locator("#sweep-evaluations tbody tr")).ToHaveCountAsync(25);
        await Expect(page.Locator(".sweep-heatmap-cell")).ToHaveCountAsync(9);
        await Expect(page.Locator(".sweep-importance-row")).ToHaveCountAsync(3);
        await Expect(page.Locator(".sweep-importance-row").First).ToContainTextAsync("Slow EMA period: ");
        await ShotAsync(page, "sweeps-results");
        await page.Locator("#sweep-heatmap").ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "sweeps-heatmap.png") });
        await page.Locator("#sweep-importance").ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "sweeps-importance.png") });
        // Any two parameters: the same one twice is refused, stop-loss down gives its own 3 × 3.
        var down = page.Locator("div.mud-input-control.mud-select:has(#heatmap-y)");
        await PickAsync(page, down, "Fast EMA period");
        await Expect(page.Locator("#heatmap-same-axis")).ToHaveTextAsync("Pick two different parameters, one across and one down.");
        await PickAsync(page, down, "Stop-loss %");
        await Expect(page.Locator(".sweep-heatmap-cell")).ToHaveCountAsync(9);
        await Expect(page.Locator(".sweep-heatmap th").First).ToContainTextAsync("Stop-loss % ↓ / Fast EMA period →");

        // Sorted by trades, then back to in-sample score, best first: the top row is the best point.
        var evaluations = page.Locator("#sweep-evaluations");
        await evaluations.Locator("th", new() { HasText = "Trades (IS)" }).Locator(".sortable-column-header, .column-header").First.ClickAsync();
        await Expect(evaluations.Locator("tbody tr").First.Locator("td").Nth(1)).Not.ToHaveTextAsync(best.PointIndex.ToString(CultureInfo.InvariantCulture));
        var inSample = evaluations.Locator("th", new() { HasText = "In-sample" }).Locator(".sortable-column-header, .column-header").First;
        await inSample.ClickAsync();
        await inSample.ClickAsync();
        var top = evaluations.Locator("tbody tr").First;
        await Expect(top.Locator("td").Nth(1)).ToHaveTextAsync(best.PointIndex.ToString(CultureInfo.InvariantCulture));
        await Expect(top.Locator(".sweep-is-score")).ToHaveTextAsync(best.InSampleScore!.Value.ToString("0.00", CultureInfo.InvariantCulture));
        await ShotAsync(page, "sweeps-results-sorted");
        await top.Locator(".sweep-create-bot").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex($"/bots/new\\?fromSweep={sweepId}&point={best.PointIndex}$"));
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Expect(page.Locator("#prefill-source")).ToContainTextAsync($"point #{best.PointIndex} of the sweep");
        var point = best.Params;
        await Expect(page.Locator("#param-ema_fast")).ToHaveValueAsync(F(point["strategy_params.ema_fast"]));
        await Expect(page.Locator("#param-ema_slow")).ToHaveValueAsync(F(point["strategy_params.ema_slow"]));
        await Expect(page.Locator("#bot-stop-loss")).ToHaveValueAsync(F(point["stop_loss_perc"]));
        await ShotAsync(page, "sweeps-create-bot-form");
        await page.FillAsync("#bot-name", "Swept BTC trend");
        await page.Locator("#bot-name").BlurAsync();
        await page.ClickAsync("#bot-save");
        await Expect(page).ToHaveURLAsync(new Regex("/bots$"));
        await Expect(page.Locator(".bot-row").Filter(new() { HasText = "Swept BTC trend" })).ToBeVisibleAsync();

        // The stored bot trades exactly the point: its strategy parameters and risk settings, the sweep's values applied.
        var expected = (await _node.GetRequiredService<SweepService>().PointConfigAsync(userId, sweepId, best.PointIndex))!;
        await using var db = TestDatabase.CreateContext(_database.ConnectionString);
        var bot = await db.BotConfigs.AsNoTracking().SingleAsync(b => b.UserId == userId);
        Assert.Equal(("Swept BTC trend", ExchangeNames.Simulated, "BTCUSDT", "1h", "ema_cross_rsi"), (bot.Name, bot.ExchangeName, bot.Symbol, bot.Timeframe, bot.StrategyType));
        var stored = bot.StrategyParams.RootElement;
        Assert.Equal(point["strategy_params.ema_fast"], stored.GetProperty("ema_fast").GetDecimal());
        Assert.Equal(point["strategy_params.ema_slow"], stored.GetProperty("ema_slow").GetDecimal());
        Assert.Equal(14m, stored.GetProperty("rsi_period").GetDecimal());
        Assert.Equal(70m, stored.GetProperty("rsi_overbought").GetDecimal());
        Assert.Equal(point["stop_loss_perc"], bot.Risk.StopLossPerc);
        Assert.Equal(expected.Risk.StopLossPerc, bot.Risk.StopLossPerc);
        Assert.Equal((expected.Risk.InitialCapital, expected.Risk.PositionSizePerc, expected.Risk.TakeProfitPerc, expected.Risk.TrailingStopActive),
            (bot.Risk.InitialCapital, bot.Risk.PositionSizePerc, bot.Risk.TakeProfitPerc, bot.Risk.TrailingStopActive));

        // The list shows the finished sweep with its best score.
        await page.ClickAsync("#nav-sweeps");
        await BrowserFixture.WaitForInteractiveAsync(page);
        var listed = page.Locator("#sweeps-grid tbody tr").First;
        await Expect(listed.Locator(".sweep-progress")).ToHaveTextAsync("27 / 27 points");
        await Expect(listed).ToContainTextAsync(best.InSampleScore!.Value.ToString("0.00", CultureInfo.InvariantCulture));
        await ShotAsync(page, "sweeps-list");
        await page.Context.CloseAsync();
    }

    private static string F(decimal value) => value.ToString("0.##########", CultureInfo.InvariantCulture);
}

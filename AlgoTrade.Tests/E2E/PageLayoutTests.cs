using AlgoTrade.Core.Accounts;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Trading;
using AlgoTrade.Tests.Admin;
using AlgoTrade.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AlgoTrade.Tests.E2E;

/// <summary>
/// Layout checks in Chromium at a laptop (1366 px), a desktop (1920 px) and, for the dashboard, a phone (390 px):
/// what a trader or admin sees must line up, fit and not overlap.
/// </summary>
[Collection(BrowserCollection.Name)]
public class PageLayoutTests(BrowserFixture browser)
{
    private Task<IPage> SignedInAsync(string email, int width, int height = 860) =>
        browser.SignedInPageAsync(browser.App, email, TestUsers.Password, width, height);

    private async Task<string> NewTraderAsync(string prefix)
    {
        var email = TestUsers.NewEmail(prefix);
        await browser.App.Services.GetRequiredService<UserAccountService>().RegisterAsync(email, TestUsers.Password);
        return email;
    }

    private static async Task<BotConfig> AddSimulatedBotAsync(string email, string name, bool running, decimal dailyPnl = 0)
    {
        await using var db = await TestDatabase.SharedContextAsync();
        var user = db.Users.Single(u => u.Email == email);
        var bot = new BotConfig
        {
            UserId = user.Id, Name = name, ExchangeName = ExchangeNames.Simulated, Symbol = "BTCUSDT", Timeframe = "15m",
            StrategyType = "ema_cross_rsi", Risk = new RiskSettings { InitialCapital = 1000m, PositionSizePerc = 10 }, IsActive = running,
            CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
            State = new BotState
            {
                Status = running ? BotStatus.Running : BotStatus.Stopped, DailyPnl = dailyPnl, LastRunAt = DateTime.UtcNow.AddMinutes(-3),
                LastUpdatedAt = DateTime.UtcNow,
            },
        };
        db.BotConfigs.Add(bot);
        await db.SaveChangesAsync();
        return bot;
    }

    [Theory]
    [InlineData(1366)]
    [InlineData(1920)]
    public async Task Activity_log_explorer_rows_are_table_rows_in_line_with_their_headers(int width)
    {
        var adminEmail = TestUsers.NewEmail("layout-admin");
        await browser.App.Services.GetRequiredService<UserAccountService>().CreateOrPromoteAdminAsync(adminEmail, TestUsers.Password);
        BotConfig bot;
        await using (var db = await TestDatabase.SharedContextAsync())
        {
            var trader = await AdminTestData.AddUserAsync(db, prefix: "layout-trader");
            bot = await AdminTestData.AddBotAsync(db, trader.Id, "Layout scalper", "ETHUSDT");
            for (var i = 0; i < 12; i++)
                db.BotActivityLogs.Add(AdminTestData.Log(bot, DateTime.UtcNow.AddSeconds(-i * 5), i % 4 == 0 ? ActivityLogLevel.Warning : ActivityLogLevel.Info,
                    $"Tick ETHUSDT 15m: close 3,1{i:00}.25, EMA fast 3,098.40 above slow 3,090.12, RSI 61.2 below 70: holding the open position, no signal this candle"));
            await db.SaveChangesAsync();
        }

        var page = await SignedInAsync(adminEmail, width);
        await page.GotoAsync($"/admin/activity-logs?bot={bot.Id}");
        await BrowserFixture.WaitForInteractiveAsync(page);
        var rows = page.Locator("tr.at-log-row");
        await Expect(rows).ToHaveCountAsync(12);
        await BrowserFixture.ScreenshotAsync(page, $"layout-activity-logs-{width}");

        Assert.Equal("table-row", await rows.First.EvaluateAsync<string>("r => getComputedStyle(r).display"));
        var rowBox = (await rows.First.BoundingBoxAsync())!;
        Assert.True(rowBox.Height < 80, $"a log row is {rowBox.Height} px high");
        var headers = page.Locator("#log-grid thead th");
        var cells = rows.First.Locator("td");
        Assert.Equal(await headers.CountAsync(), await cells.CountAsync());
        // Each cell starts where its header starts, and the level chip stays inside its own cell.
        for (var i = 0; i < await cells.CountAsync(); i++)
        {
            var header = (await headers.Nth(i).BoundingBoxAsync())!;
            var cell = (await cells.Nth(i).BoundingBoxAsync())!;
            Assert.True(Math.Abs(header.X - cell.X) < 2, $"column {i}: header at {header.X}, cell at {cell.X}");
        }
        var time = (await cells.Nth(1).BoundingBoxAsync())!;
        var chip = (await rows.First.Locator(".mud-chip").BoundingBoxAsync())!;
        Assert.True(chip.X >= time.X + time.Width - 1, $"level chip at {chip.X} overlaps the time cell ending at {time.X + time.Width}");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(1366)]
    [InlineData(1920)]
    public async Task Bots_list_shows_every_column_beside_the_actions_and_the_name_opens_the_live_page(int width)
    {
        var email = await NewTraderAsync("layout-bots");
        var bot = await AddSimulatedBotAsync(email, "Momentum BTC swing trader", running: true, dailyPnl: -12345.67m);
        await AddSimulatedBotAsync(email, "Mean reversion ETH", running: false);

        var page = await SignedInAsync(email, width);
        await page.GotoAsync("/bots");
        await BrowserFixture.WaitForInteractiveAsync(page);
        var row = page.Locator(".bot-row").Filter(new() { HasText = "Momentum BTC swing trader" });
        await Expect(row).ToContainTextAsync("3 min ago");
        await BrowserFixture.ScreenshotAsync(page, $"layout-bots-{width}");

        var container = page.Locator("#bot-grid .mud-table-container");
        var widths = await container.EvaluateAsync<int[]>("c => [c.scrollWidth, c.clientWidth]");
        Assert.True(widths[0] <= widths[1] + 1, $"the grid scrolls sideways: {widths[0]} > {widths[1]}");
        var cells = row.Locator("td");
        var actions = (await cells.Last.BoundingBoxAsync())!;
        foreach (var label in new[] { "Daily PnL", "Last run" })
        {
            var index = await page.Locator("#bot-grid thead th").EvaluateAllAsync<int>(
                "(ths, label) => ths.findIndex(th => th.textContent.trim() === label)", label);
            Assert.True(index >= 0, label);
            var cell = cells.Nth(index);
            var box = (await cell.BoundingBoxAsync())!;
            Assert.True(box.X + box.Width <= actions.X + 1, $"{label} ends at {box.X + box.Width}, under the actions starting at {actions.X}");
            Assert.True(await cell.EvaluateAsync<bool>("c => c.scrollWidth <= c.clientWidth"), $"{label} is clipped");
        }
        await Expect(row).ToContainTextAsync("−12,345.67");

        await row.Locator("a.bot-name").ClickAsync();
        await Expect(page).ToHaveURLAsync($"{browser.App.BaseAddress.ToString().TrimEnd('/')}/bots/{bot.Id}");
        await Expect(page.Locator("#bot-title")).ToHaveTextAsync("Momentum BTC swing trader");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(390)]
    [InlineData(1366)]
    public async Task Dashboard_fits_the_screen_and_lists_running_bots_first(int width)
    {
        var email = await NewTraderAsync("layout-dash");
        await AddSimulatedBotAsync(email, "Alpha idle", running: false);
        var running = await AddSimulatedBotAsync(email, "Zulu trend follower", running: true, dailyPnl: 42.5m);

        var page = await SignedInAsync(email, width, height: width < 600 ? 844 : 860);
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Expect(page.Locator(".bot-card")).ToHaveCountAsync(2);
        await BrowserFixture.ScreenshotAsync(page, $"layout-dashboard-{width}");

        Assert.Equal($"bot-card-{running.Id}", await page.Locator(".bot-card").First.GetAttributeAsync("id"));
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1], $"the page scrolls sideways: {widths[0]} px content in a {widths[1]} px window");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(1366)]
    [InlineData(1920)]
    public async Task Risk_preview_labels_do_not_overlap_when_levels_are_close(int width)
    {
        var email = await NewTraderAsync("layout-risk");
        var page = await SignedInAsync(email, width);
        await page.GotoAsync("/bots/new");
        await BrowserFixture.WaitForInteractiveAsync(page);
        await page.FillAsync("#bot-take-profit", "12");
        await page.PressAsync("#bot-take-profit", "Tab");
        await page.ClickAsync("#bot-trailing-active");
        await page.FillAsync("#bot-trailing", "1.6");
        await page.PressAsync("#bot-trailing", "Tab");
        await page.Locator("#partial-add").ClickAsync();
        await page.FillAsync("#partial-0-percentage", "11.5");
        await page.PressAsync("#partial-0-percentage", "Tab");
        await Expect(page.Locator(".preview-row")).ToHaveCountAsync(5);
        await page.Locator("#risk-preview").ScrollIntoViewIfNeededAsync();
        await page.Locator("#risk-preview").ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, $"layout-risk-preview-{width}.png") });

        var boxes = new List<(string Text, LocatorBoundingBoxResult Box)>();
        foreach (var label in await page.Locator(".at-ladder .at-ladder-label, .at-ladder .at-ladder-price").AllAsync())
            boxes.Add((await label.InnerTextAsync(), (await label.BoundingBoxAsync())!));
        Assert.Equal(10, boxes.Count);
        for (var i = 0; i < boxes.Count; i++)
            for (var j = i + 1; j < boxes.Count; j++)
            {
                var (a, b) = (boxes[i].Box, boxes[j].Box);
                var overlap = a.X < b.X + b.Width && b.X < a.X + a.Width && a.Y < b.Y + b.Height && b.Y < a.Y + a.Height;
                Assert.False(overlap, $"\"{boxes[i].Text}\" overlaps \"{boxes[j].Text}\"");
            }
        await page.Context.CloseAsync();
    }
    [Fact]
    public async Task Saving_a_bot_with_numbers_it_cannot_read_scrolls_to_and_lists_every_problem()
    {
        var email = await NewTraderAsync("layout-form");
        var page = await SignedInAsync(email, 1366);
        await page.GotoAsync("/bots/new");
        await BrowserFixture.WaitForInteractiveAsync(page);
        await page.FillAsync("#bot-name", "Too big");
        await page.ClickAsync("#bot-symbol");
        await page.FillAsync("#bot-symbol", "btcus");
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "BTCUSDT" }).ClickAsync();
        await page.FillAsync("#bot-capital", "1e29");
        await page.PressAsync("#bot-capital", "Tab");
        await page.FillAsync("#bot-max-duration", "9999999999");
        await page.PressAsync("#bot-max-duration", "Tab");
        await page.FillAsync("#bot-take-profit", "99999999");
        await page.PressAsync("#bot-take-profit", "Tab");

        await page.ClickAsync("#bot-save");
        var summary = page.Locator("#form-errors");
        await Expect(summary).ToBeVisibleAsync();
        await Expect(summary.Locator(".form-problem")).ToHaveCountAsync(3);
        await Expect(summary).ToContainTextAsync("Initial capital");
        await Expect(summary).ToContainTextAsync("Max trade duration (hours)");
        await Expect(summary).ToContainTextAsync("Take-profit must be greater than 0 % and at most 1,000 % (got 99,999,999)");
        // The first problem is brought into view, not left below the fold.
        await Expect(page.Locator(".mud-input-control:has(#bot-capital)")).ToBeInViewportAsync();
        await BrowserFixture.ScreenshotAsync(page, "layout-bot-form-errors");
        Assert.EndsWith("/bots/new", page.Url, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using AlgoTrade.Core.Accounts;
using AlgoTrade.Core.Bots;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Events;
using AlgoTrade.Core.Trading;
using AlgoTrade.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace AlgoTrade.Tests.E2E;

/// <summary>
/// A running simulated bot trades while its owner watches the dashboard and the bot page: both change without a reload,
/// and the test measures how long after the trade's commit (its event is published right after) the page changed.
/// The app runs on its own clock at 60× so 1-minute candles close every second. The strategy (RSI mean reversion with
/// an unreachable overbought level) enters often but never exits by itself, and stop/take-profit sit 10 % away, so the
/// position stays open until the test forces the exit.
/// </summary>
[Collection(BrowserCollection.Name)]
public class LiveMonitoringTests(BrowserFixture browser, ITestOutputHelper output) : IAsyncLifetime
{
    private AlgoTradeWebFactory _app = default!;

    public async Task InitializeAsync() =>
        _app = await AlgoTradeWebFactory.StartAsync(configureServices: s => s.AddSingleton<TimeProvider>(new FastClock(60)));

    public async Task DisposeAsync() => await _app.DisposeAsync();

    // Records (in the browser's clock) each new value of an attribute, whether Blazor patches it or replaces the element.
    private const string WatchScript = """
        ([selector, attribute]) => {
          window.__changes = [];
          let last = document.querySelector(selector)?.getAttribute(attribute) ?? null;
          new MutationObserver(() => {
            const value = document.querySelector(selector)?.getAttribute(attribute) ?? null;
            if (value !== last) { last = value; window.__changes.push({ value, at: Date.now() }); }
          }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: [attribute] });
        }
        """;

    private static async Task<long> ChangedAtAsync(IPage page, string value)
    {
        var handle = await page.WaitForFunctionAsync("v => window.__changes.find(c => c.value === v)?.at", value,
            new PageWaitForFunctionOptions { Timeout = 15_000 });
        return (long)(await handle.JsonValueAsync<double>());
    }

    [Fact]
    public async Task Dashboard_and_bot_page_follow_a_trading_bot_live_and_force_exit_closes_the_position()
    {
        var email = TestUsers.NewEmail("live");
        var userId = (await _app.Services.GetRequiredService<UserAccountService>().RegisterAsync(email, TestUsers.Password)).User!.Id;
        var bots = _app.Services.GetRequiredService<BotService>();
        var created = await bots.CreateAsync(userId, new BotConfig
        {
            Name = "Live RSI", ExchangeName = ExchangeNames.Simulated, Symbol = "BTCUSDT", Timeframe = "1m", CheckIntervalSeconds = 5,
            StrategyType = "rsi_mean_reversion",
            StrategyParams = JsonDocument.Parse("""{"rsi_period": 5, "rsi_oversold": 45, "rsi_overbought": 99.99}"""),
            Risk = new RiskSettings { InitialCapital = 10_000m, PositionSizePerc = 50m, StopLossPerc = 10m, TakeProfitPerc = 10m, TrailingStopActive = true, TrailingStopPerc = 8m },
        });
        Assert.True(created.Succeeded, string.Join(" ", created.ErrorsOrEmpty.SelectMany(e => e.Value)));
        var botId = created.Bot!.Id;

        // Wall-clock time of each trade event of this bot; the hub publishes right after the tick's commit.
        var published = new List<(TradeExecuted Trade, long At)>();
        using var subscription = _app.Services.GetRequiredService<IBotEventHub>().Subscribe(e =>
        {
            lock (published) published.Add(((TradeExecuted)e, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));
            return Task.CompletedTask;
        }, e => e is TradeExecuted && e.BotId == botId);

        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = _app.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
        });
        context.SetDefaultTimeout(20_000);
        var dashboard = await context.NewPageAsync();
        await dashboard.GotoAsync("/account/login");
        await dashboard.FillAsync("#email", email);
        await dashboard.FillAsync("#password", TestUsers.Password);
        await dashboard.ClickAsync("#login-submit");
        await Expect(dashboard.Locator("#welcome-email")).ToHaveTextAsync(email);
        await BrowserFixture.WaitForInteractiveAsync(dashboard);
        var card = dashboard.Locator($"#bot-card-{botId}");
        await Expect(card).ToHaveAttributeAsync("data-status", "stopped");

        var botPage = await context.NewPageAsync();
        await botPage.GotoAsync($"/bots/{botId}");
        await BrowserFixture.WaitForInteractiveAsync(botPage);
        await botPage.WaitForFunctionAsync($"() => window.algotradeCharts && window.algotradeCharts['bot-{botId}']?.candleCount() > 100");
        var overlays = await botPage.EvaluateAsync<string[]>($"() => window.algotradeCharts['bot-{botId}'].overlays()");
        Assert.Equal(["rsi|5|close:value"], overlays);

        await dashboard.EvaluateAsync(WatchScript, new[] { $"#bot-card-{botId}", "data-last-trade-id" });
        await botPage.EvaluateAsync(WatchScript, new[] { "#position-card", "data-last-trade-id" });

        // Start from the dashboard card, as a trader would.
        await card.Locator(".bot-start").ClickAsync();
        await Expect(card).ToHaveAttributeAsync("data-status", "running");

        var wait = Stopwatch.StartNew();
        while (true)
        {
            lock (published) if (published.Count > 0) break;
            Assert.True(wait.Elapsed < TimeSpan.FromSeconds(120), "The bot did not trade within 2 minutes.");
            await Task.Delay(100);
        }
        var (entry, entryPublishedAt) = published[0];
        Assert.Equal(OrderSideText.Buy, entry.Side);
        var entryId = entry.TradeId.ToString(CultureInfo.InvariantCulture);
        var dashboardDelay = await ChangedAtAsync(dashboard, entryId) - entryPublishedAt;
        var botPageDelay = await ChangedAtAsync(botPage, entryId) - entryPublishedAt;

        await Expect(card).ToHaveAttributeAsync("data-in-position", "true");
        await Expect(botPage.Locator("#position-card")).ToHaveAttributeAsync("data-in-position", "true");
        await Expect(botPage.Locator($".bot-trade-row[data-trade-id='{entryId}']")).ToBeVisibleAsync();
        await botPage.WaitForFunctionAsync($"id => window.algotradeCharts['bot-{botId}'].markers().some(m => m.id === id && m.position === 'belowBar')", entryId);
        await botPage.WaitForFunctionAsync($"() => window.algotradeCharts['bot-{botId}'].levels().stopLoss > 0");
        var levels = await botPage.EvaluateAsync<Dictionary<string, double>>($"() => window.algotradeCharts['bot-{botId}'].levels()");
        Assert.True(levels["stopLoss"] < levels["entry"] && levels["entry"] < levels["takeProfit"], JsonSerializer.Serialize(levels));
        Assert.True(levels.ContainsKey("trailingStop"));
        await Expect(dashboard.Locator("#total-open")).ToHaveTextAsync("1");
        await Task.Delay(1500); // let the equity chart and price tick settle for the screenshots
        await BrowserFixture.ScreenshotAsync(dashboard, "live-dashboard");
        await BrowserFixture.ScreenshotAsync(botPage, "live-bot-page");

        // Force exit from the bot page: confirm, then the position closes and the chart shows the manual exit.
        await botPage.ClickAsync("#bot-force-exit");
        await botPage.Locator(".mud-dialog button:has-text('Sell now')").ClickAsync();
        var clickedAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        wait.Restart();
        TradeExecuted? exit = null;
        while (exit is null)
        {
            lock (published) exit = published.Select(p => p.Trade).FirstOrDefault(t => t.Side == OrderSideText.Sell);
            Assert.True(wait.Elapsed < TimeSpan.FromSeconds(30), "The force exit did not sell within 30 s.");
            await Task.Delay(50);
        }
        long exitPublishedAt;
        lock (published) exitPublishedAt = published.Single(p => p.Trade.TradeId == exit.TradeId).At;
        Assert.Equal("manual", exit.Reason);
        var exitId = exit.TradeId.ToString(CultureInfo.InvariantCulture);
        var exitDelay = await ChangedAtAsync(botPage, exitId) - exitPublishedAt;
        await botPage.WaitForFunctionAsync(
            $"id => window.algotradeCharts['bot-{botId}'].markers().some(m => m.id === id && m.position === 'aboveBar' && m.text.includes('manual'))", exitId);
        await Expect(botPage.Locator($".bot-trade-row[data-trade-id='{exitId}']")).ToContainTextAsync("manual");
        // The bot keeps running on a 60x clock, so it may already have bought again: the card shows the exit or later.
        await dashboard.WaitForFunctionAsync(
            "([selector, id]) => Number(document.querySelector(selector)?.getAttribute('data-last-trade-id')) >= id",
            new object[] { $"#bot-card-{botId}", exit.TradeId });

        await using (var db = await TestDatabase.SharedContextAsync())
        {
            var sold = await db.Trades.AsNoTracking().SingleAsync(t => t.Id == exit.TradeId && t.UserId == userId);
            Assert.Equal(entry.Quantity, sold.QuantityFilled);
            Assert.Equal("manual", sold.ExitReason);
        }
        await BrowserFixture.ScreenshotAsync(botPage, "live-bot-page-after-exit");

        var report = string.Create(CultureInfo.InvariantCulture,
            $"push delay (trade committed → DOM changed): dashboard {dashboardDelay} ms, bot page {botPageDelay} ms; force exit: confirm → sell published {exitPublishedAt - clickedAt} ms, sell → bot page {exitDelay} ms");
        output.WriteLine(report);
        await File.WriteAllTextAsync(Path.Combine(BrowserFixture.ScreenshotDirectory, "..", "push-delay.txt"), report + Environment.NewLine);
        // The figure itself is reported above (docs quote it); the bound only proves the change was pushed to open
        // pages, and is loose because a loaded 2-core CI machine can stall a browser for a second.
        Assert.InRange(dashboardDelay, 0, 5000);
        Assert.InRange(botPageDelay, 0, 5000);
        Assert.InRange(exitDelay, 0, 5000);

        var intruder = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = _app.BaseAddress.ToString() });
        var other = TestUsers.NewEmail("peek");
        await _app.Services.GetRequiredService<UserAccountService>().RegisterAsync(other, TestUsers.Password);
        var peek = await intruder.NewPageAsync();
        await peek.GotoAsync("/account/login");
        await peek.FillAsync("#email", other);
        await peek.FillAsync("#password", TestUsers.Password);
        await peek.ClickAsync("#login-submit");
        await Expect(peek.Locator("#welcome-email")).ToHaveTextAsync(other);
        foreach (var path in new[] { $"/bots/{botId}", $"/bots/{botId}/activity" })
        {
            var response = await peek.GotoAsync(path);
            Assert.Equal(404, response!.Status);
            await Expect(peek.Locator("body")).Not.ToContainTextAsync("Live RSI");
        }
        await intruder.CloseAsync();

        await bots.StopAsync(userId, botId);
        await context.CloseAsync();
    }
}

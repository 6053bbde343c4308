using System.Text.RegularExpressions;
using AlgoTrade.Core.Accounts;
using AlgoTrade.Core.Exchanges;
using AlgoTrade.Core.Runtime;
using AlgoTrade.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AlgoTrade.Tests.E2E;

/// <summary>
/// A trader creates a simulated bot in the browser, starts it, sees its first trade and stops it; another trader gets
/// 404 for its pages. The bot runtime runs on a clock at 60× so 1-minute candles close every second and the bot trades
/// within a few ticks instead of minutes (only the runtime's and the exchanges' clock: Quartz ticks in real time).
/// </summary>
[Collection(BrowserCollection.Name)]
public partial class BotWorkflowTests(BrowserFixture browser) : IAsyncLifetime
{
    private AlgoTradeWebFactory _app = default!;

    // Only the bot runtime and the exchanges run fast: Quartz, cookies and the rest of the app keep real time.
    public async Task InitializeAsync()
    {
        var fast = new FastClock(60);
        _app = await AlgoTradeWebFactory.StartAsync(configureServices: s =>
        {
            s.AddSingleton(sp => ActivatorUtilities.CreateInstance<ExchangeClientFactory>(sp, fast));
            s.AddSingleton<IBotRunner>(sp => ActivatorUtilities.CreateInstance<BotRunner>(sp, fast));
        });
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<IPage> LoggedInPageAsync(string prefix)
    {
        var email = TestUsers.NewEmail(prefix);
        await _app.Services.GetRequiredService<UserAccountService>().RegisterAsync(email, TestUsers.Password);
        return await browser.SignedInPageAsync(_app, email, TestUsers.Password);
    }

    private static async Task PickAsync(IPage page, string fieldLabel, string option)
    {
        await page.Locator($"div.mud-input-control.mud-select:has(label:text-is('{fieldLabel}'))").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextRegex = new Regex($"^\\s*{Regex.Escape(option)}\\s*$") }).ClickAsync();
    }

    [Fact]
    public async Task A_trader_creates_starts_sees_a_trade_and_stops_a_simulated_bot_that_others_cannot_open()
    {
        var page = await LoggedInPageAsync("botflow");
        await page.GotoAsync("/bots");
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Expect(page.Locator("#no-bots")).ToBeVisibleAsync();
        await page.ClickAsync("#bot-new");
        await Expect(page).ToHaveURLAsync(new Regex("/bots/new$"));
        await BrowserFixture.WaitForInteractiveAsync(page);

        // Basics: simulated is the default exchange; Binance stays locked without a key.
        await Expect(page.GetByRole(AriaRole.Radio, new() { Name = "Binance (real money)" })).ToBeDisabledAsync();
        await Expect(page.GetByRole(AriaRole.Radio, new() { Name = "Simulated market (offline)" })).ToBeCheckedAsync();
        await page.FillAsync("#bot-name", "E2E fast bot");
        await Expect(page.Locator(".mud-input-control:has(#bot-symbol)")).ToContainTextAsync("trading symbols on simulated");
        await page.ClickAsync("#bot-symbol");
        await page.FillAsync("#bot-symbol", "btcus");
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "BTCUSDT" }).ClickAsync();
        await PickAsync(page, "Timeframe (candle length)", "1m");
        await page.FillAsync("#bot-interval", "5");
        await page.PressAsync("#bot-interval", "Tab");

        // Strategy: fast EMAs cross every few candles, so the first entry comes quickly.
        foreach (var (name, value) in new[] { ("ema_fast", "2"), ("ema_slow", "3"), ("rsi_period", "2"), ("rsi_overbought", "99.9") })
        {
            await page.FillAsync($"#param-{name}", value);
            await page.PressAsync($"#param-{name}", "Tab");
        }
        await page.Locator("#partial-add").ClickAsync();
        await page.FillAsync("#partial-0-percentage", "2");
        await page.PressAsync("#partial-0-percentage", "Tab");
        await page.FillAsync("#partial-0-share", "50");
        await page.PressAsync("#partial-0-share", "Tab");
        await Expect(page.Locator(".preview-row[data-kind='PartialTakeProfit'] .preview-sells")).ToHaveTextAsync("50 %");
        await BrowserFixture.ScreenshotAsync(page, "bots-form");

        await page.ClickAsync("#bot-save");
        await Expect(page).ToHaveURLAsync(new Regex("/bots$"));
        var row = page.Locator(".bot-row").Filter(new() { HasText = "E2E fast bot" });
        await Expect(row).ToContainTextAsync("BTCUSDT");
        await Expect(row.Locator(".bot-status")).ToHaveAttributeAsync("data-status", "stopped");
        var liveHref = await row.Locator("a.bot-name").GetAttributeAsync("href");
        var botId = BotIdInHref().Match(liveHref!).Groups[1].Value;

        await row.Locator(".bot-start").ClickAsync();
        await Expect(row.Locator(".bot-status")).ToHaveAttributeAsync("data-status", "running");
        await BrowserFixture.ScreenshotAsync(page, "bots-list");

        await row.Locator(".bot-trades").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/bots/{botId}/trades$"));
        await BrowserFixture.WaitForInteractiveAsync(page);
        // The page listens for the bot's trade events; no reload needed.
        await Expect(page.Locator(".trade-row").First).ToBeVisibleAsync(new() { Timeout = 120_000 });
        await Expect(page.Locator(".trade-row").First).ToContainTextAsync("BTCUSDT");
        await Expect(page.Locator("#total-count")).Not.ToHaveTextAsync("0");
        await BrowserFixture.ScreenshotAsync(page, "bots-trades");

        await page.GotoAsync("/bots");
        await BrowserFixture.WaitForInteractiveAsync(page);
        row = page.Locator(".bot-row").Filter(new() { HasText = "E2E fast bot" });
        await row.Locator(".bot-stop").ClickAsync();
        await Expect(row.Locator(".bot-status")).ToHaveAttributeAsync("data-status", "stopped");

        var intruder = await LoggedInPageAsync("intruder");
        foreach (var path in new[] { $"/bots/{botId}/edit", $"/bots/{botId}/trades" })
        {
            var response = await intruder.GotoAsync(path);
            Assert.Equal(404, response!.Status);
            await Expect(intruder.Locator("#not-found")).ToBeVisibleAsync();
            await Expect(intruder.Locator("body")).Not.ToContainTextAsync("E2E fast bot");
        }
        await intruder.Context.CloseAsync();
        await page.Context.CloseAsync();
    }

    [GeneratedRegex(@"/bots/(\d+)$")]
    private static partial Regex BotIdInHref();
}

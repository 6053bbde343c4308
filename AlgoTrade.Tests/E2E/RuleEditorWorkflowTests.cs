using System.Text.RegularExpressions;
using AlgoTrade.Core.Accounts;
using AlgoTrade.Core.Bots;
using AlgoTrade.Core.Strategies.Rules;
using AlgoTrade.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AlgoTrade.Tests.E2E;

/// <summary>
/// A trader composes custom rules in the editor in Chromium at a laptop's 1366 px, is stopped by a bad period with
/// the message at its field, saves the bot, backtests it, and sees the rules' indicators on the bot's chart.
/// </summary>
[Collection(BrowserCollection.Name)]
public partial class RuleEditorWorkflowTests(BrowserFixture browser)
{
    private async Task<(IPage Page, int UserId)> LoggedInPageAsync(string prefix)
    {
        var email = TestUsers.NewEmail(prefix);
        var user = await browser.App.Services.GetRequiredService<UserAccountService>().RegisterAsync(email, TestUsers.Password);
        return (await browser.SignedInPageAsync(browser.App, email, TestUsers.Password, 1366, 768), user.User!.Id);
    }

    private static async Task PickAsync(IPage page, ILocator select, string option)
    {
        await select.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextRegex = new Regex($"^\\s*{Regex.Escape(option)}\\s*$") }).ClickAsync();
    }

    private static ILocator Select(IPage page, string scope, string label) =>
        page.Locator($"{scope} .mud-select:has(label:text-is('{label}'))").First;

    private static async Task FillAsync(IPage page, string id, string value)
    {
        await page.FillAsync("#" + id, value);
        await page.PressAsync("#" + id, "Tab");
    }

    [Fact]
    public async Task A_trader_builds_rules_is_stopped_by_a_bad_one_saves_the_bot_and_backtests_it()
    {
        var (page, userId) = await LoggedInPageAsync("rulesflow");
        await page.GotoAsync("/bots/new");
        await BrowserFixture.WaitForInteractiveAsync(page);
        await page.FillAsync("#bot-name", "E2E rules bot");
        await Expect(page.Locator(".mud-input-control:has(#bot-symbol)")).ToContainTextAsync("trading symbols on simulated");
        await page.ClickAsync("#bot-symbol");
        await page.FillAsync("#bot-symbol", "btcus");
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "BTCUSDT" }).ClickAsync();
        await PickAsync(page, page.Locator("div.mud-input-control.mud-select:has(label:text-is('Strategy'))"), "Custom rules");
        // A loaded machine can take a while for the first render of the editor.
        await Expect(page.Locator("#rule-preview")).ToHaveTextAsync(
            "Enter when EMA(12) crosses above EMA(26) and RSI(14) < 70. Exit when EMA(12) crosses below EMA(26) or RSI(14) > 70.", new() { Timeout = 20_000 });

        // A third entry condition: +DI(10) > 20.
        await page.ClickAsync(".rule-add-condition[data-path='entry']");
        const string third = ".rule-operand[data-path='entry.all[2].left']";
        await Expect(page.Locator(third)).ToBeVisibleAsync();
        await PickAsync(page, Select(page, third, "Indicator"), "ADX · Average directional index");
        await PickAsync(page, Select(page, third, "Output"), "+DI");
        await FillAsync(page, "rule-entry-all-2-left-period", "10");
        await PickAsync(page, Select(page, ".rule-comparison[data-path='entry.all[2]'] .rule-operator", "Operator"), ">");
        await FillAsync(page, "rule-entry-all-2-right", "20");
        await Expect(page.Locator("#rule-preview")).ToHaveTextAsync(
            "Enter when EMA(12) crosses above EMA(26) and RSI(14) < 70 and +DI(10) > 20. Exit when EMA(12) crosses below EMA(26) or RSI(14) > 70.");
        await page.Mouse.MoveAsync(5, 760);
        await page.EvaluateAsync("document.activeElement?.blur()");
        await page.Locator("#rule-editor").ScreenshotAsync(new()
        {
            Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "rules-editor-only.png"),
            Style = ".mud-appbar { visibility: hidden; }",
        });
        await page.EvaluateAsync("window.scrollTo(0, 0)");
        await BrowserFixture.ScreenshotAsync(page, "rules-editor");
        await AssertNoHorizontalScrollAsync(page);

        // A bad period: the message sits at its field and in the summaries, and nothing is saved.
        await FillAsync(page, "rule-entry-all-0-left-period", "1");
        await page.ClickAsync("#bot-save");
        await Expect(page.Locator("#form-errors")).ToBeVisibleAsync();
        await Expect(page.Locator(".mud-input-control:has(#rule-entry-all-0-left-period)")).ToContainTextAsync("Period must be at least 2 and at most 1000 (got 1).");
        await Expect(page.Locator("#rule-problems")).ToContainTextAsync("Entry › condition 1 › left side › period");
        await Expect(page.Locator("#form-errors")).ToContainTextAsync("Period must be at least 2");
        await page.EvaluateAsync("window.scrollTo(0, 0)");
        await BrowserFixture.ScreenshotAsync(page, "rules-editor-errors");
        Assert.Empty(await browser.App.Services.GetRequiredService<BotService>().ListAsync(userId));

        // The JSON view shows the same rules and reports a typo by its path.
        await page.ClickAsync("#rule-view-json");
        await Expect(page.Locator("#rule-json")).ToHaveValueAsync(new Regex("\"adx\", \"period\": 10, \"out\": \"plus_di\""));
        await page.Locator("#rule-editor").ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "rules-json.png") });
        await page.ClickAsync("#rule-view-visual");

        await FillAsync(page, "rule-entry-all-0-left-period", "5");
        await Expect(page.Locator("#rule-problems")).Not.ToBeVisibleAsync();
        await page.ClickAsync("#bot-save");
        await Expect(page).ToHaveURLAsync(new Regex("/bots$"));
        var row = page.Locator(".bot-row").Filter(new() { HasText = "E2E rules bot" });
        var href = await row.Locator("a.bot-name").GetAttributeAsync("href");
        var botId = int.Parse(BotIdInHref().Match(href!).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var saved = await browser.App.Services.GetRequiredService<BotService>().GetAsync(userId, botId);
        Assert.Equal(RuleStrategy.TypeName, saved!.StrategyType);
        const string sentence =
            "Enter when EMA(5) crosses above EMA(26) and RSI(14) < 70 and +DI(10) > 20. Exit when EMA(12) crosses below EMA(26) or RSI(14) > 70.";
        Assert.Equal(sentence, RuleDescriber.Describe(RuleDocumentReader.Read(saved.StrategyParams.RootElement).Document!));

        // Backtest the bot: the form carries its rules.
        await page.GotoAsync($"/backtests/new?botId={botId}");
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Expect(page.Locator("#rule-preview")).ToHaveTextAsync(sentence);
        await page.ClickAsync("#backtest-run");
        await Expect(page).ToHaveURLAsync(new Regex("/backtests/[0-9a-f-]{36}$"));
        await Expect(page.Locator("#backtest-summary")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Expect(page.Locator(".backtest-status")).ToHaveAttributeAsync("data-status", "completed");
        await Expect(page.Locator("#backtest-config")).ToContainTextAsync("\"strategy_type\": \"rules\"");
        await Expect(page.Locator("#backtest-rules")).ToHaveTextAsync(sentence);
        await Expect(page.Locator("#backtest-config")).ToContainTextAsync("\"op\": \">\"");
        await BrowserFixture.ScreenshotAsync(page, "rules-backtest-result");

        // The bot's chart draws every indicator output the rules read.
        await page.GotoAsync($"/bots/{botId}");
        await BrowserFixture.WaitForInteractiveAsync(page);
        await page.WaitForFunctionAsync($"() => window.algotradeCharts && window.algotradeCharts['bot-{botId}']?.candleCount() > 100");
        var overlays = await page.EvaluateAsync<string[]>($"() => window.algotradeCharts['bot-{botId}'].overlays()");
        Assert.Equal(["ema|5|close:value", "ema|26|close:value", "rsi|14|close:value", "adx|10:plus_di", "ema|12|close:value"], overlays);
        await BrowserFixture.ScreenshotAsync(page, "rules-bot-chart");
        await page.Context.CloseAsync();
    }

    private static async Task AssertNoHorizontalScrollAsync(IPage page) =>
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The page scrolls sideways at 1366 px.");

    [GeneratedRegex(@"/bots/(\d+)$")]
    private static partial Regex BotIdInHref();
}

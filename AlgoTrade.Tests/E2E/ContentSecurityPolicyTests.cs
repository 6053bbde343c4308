using AlgoTrade.Core.Accounts;
using AlgoTrade.Core.Backtesting.Jobs;
using AlgoTrade.Core.Bots;
using AlgoTrade.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AlgoTrade.Tests.E2E;

/// <summary>Every page renders in Chromium under the strict CSP: no violation report, no CSP error in the console.</summary>
[Collection(BrowserCollection.Name)]
public class ContentSecurityPolicyTests(BrowserFixture browser)
{
    [Fact]
    public async Task Every_page_renders_without_a_content_security_policy_violation()
    {
        var services = browser.App.Services;
        var email = TestUsers.NewEmail("csp");
        var admin = (await services.GetRequiredService<UserAccountService>().CreateOrPromoteAdminAsync(email, TestUsers.Password)).User!;
        var bot = (await services.GetRequiredService<BotService>().CreateAsync(admin.Id, BotFixtures.Draft("CSP bot"))).Bot!;
        var backtest = await services.GetRequiredService<BacktestJobService>().CreateForBotAsync(admin.Id, bot.Id, DateTime.UtcNow.AddDays(-2), DateTime.UtcNow.AddDays(-1));

        var page = await browser.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, m) =>
        {
            if (m.Type == "error" && m.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                problems.Add($"{page.Url}: console: {m.Text}");
        };
        page.PageError += (_, e) => problems.Add($"{page.Url}: page error: {e}");
        await page.Context.AddInitScriptAsync("""
            document.addEventListener('securitypolicyviolation', e =>
                (window.__cspViolations = window.__cspViolations || []).push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber));
            """);

        async Task VisitAsync(string path, bool interactive = true)
        {
            await page.GotoAsync(path);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            if (interactive) await BrowserFixture.WaitForInteractiveAsync(page);
            await page.WaitForTimeoutAsync(300);
            var violations = await page.EvaluateAsync<string[]?>("() => window.__cspViolations || []") ?? [];
            problems.AddRange(violations.Select(v => $"{path}: {v}"));
        }

        await VisitAsync("/account/login", interactive: false);
        await VisitAsync("/account/register", interactive: false);
        await page.GotoAsync("/account/login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", TestUsers.Password);
        await page.ClickAsync("#login-submit");
        await page.WaitForURLAsync(u => !u.Contains("/account/login", StringComparison.Ordinal));

        string[] pages =
        [
            "/", "/bots", "/bots/new", $"/bots/{bot.Id}", $"/bots/{bot.Id}/edit", $"/bots/{bot.Id}/activity", $"/bots/{bot.Id}/trades",
            "/trades", "/backtests", "/backtests/new", $"/backtests/{backtest.JobId ?? Guid.NewGuid()}", "/api-keys", "/notifications",
            "/account/change-password", "/admin", "/admin/users", "/admin/bots", "/admin/activity-logs", "/admin/audit", "/admin/system",
            "/no-such-page",
        ];
        foreach (var path in pages)
            await VisitAsync(path, interactive: path != "/account/change-password" && path != "/no-such-page");
        await BrowserFixture.ScreenshotAsync(page, "csp-bot-detail-last");
        await page.GotoAsync($"/bots/{bot.Id}");
        await page.Locator("canvas").First.WaitForAsync();
        await BrowserFixture.ScreenshotAsync(page, "csp-bot-detail");

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }
}

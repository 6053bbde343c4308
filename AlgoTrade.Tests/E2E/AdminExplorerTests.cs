using System.Text.RegularExpressions;
using AlgoTrade.Core.Accounts;
using AlgoTrade.Core.Domain;
using AlgoTrade.Tests.Admin;
using AlgoTrade.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AlgoTrade.Tests.E2E;

[Collection(BrowserCollection.Name)]
public class AdminExplorerTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_admin_filters_the_activity_log_down_to_one_bots_errors_and_reads_every_admin_page()
    {
        var adminEmail = TestUsers.NewEmail("e2e-admin");
        await browser.App.Services.GetRequiredService<UserAccountService>().CreateOrPromoteAdminAsync(adminEmail, TestUsers.Password);
        BotConfig noisy, calm;
        await using (var db = await TestDatabase.SharedContextAsync())
        {
            var trader = await AdminTestData.AddUserAsync(db, prefix: "e2e-trader");
            noisy = await AdminTestData.AddBotAsync(db, trader.Id, "Noisy scalper", "DOGEUSDT", BotStatus.Error);
            calm = await AdminTestData.AddBotAsync(db, trader.Id, "Calm holder", "ETHUSDT");
            var now = DateTime.UtcNow;
            for (var i = 0; i < 30; i++)
                db.BotActivityLogs.Add(AdminTestData.Log(noisy, now.AddSeconds(-i * 7), ActivityLogLevel.Info, $"Tick DOGEUSDT: close 0.{1000 + i}, no signal"));
            for (var i = 0; i < 4; i++)
                db.BotActivityLogs.Add(AdminTestData.Log(noisy, now.AddSeconds(-i * 11 - 3), ActivityLogLevel.Error,
                    $"Order rejected: insufficient balance for {i + 1}000 DOGEUSDT", new { attempt = i + 1, exchangeCode = -2010 }));
            for (var i = 0; i < 3; i++)
                db.BotActivityLogs.Add(AdminTestData.Log(calm, now.AddSeconds(-i * 13 - 5), ActivityLogLevel.Error, "Connection to exchange lost: timeout after 10 s"));
            await db.SaveChangesAsync();
        }

        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, adminEmail, TestUsers.Password);
        await Expect(page.Locator("#nav-admin")).ToBeVisibleAsync();

        await page.GotoAsync("/admin/activity-logs");
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Expect(page.Locator("tr.at-log-row").First).ToBeVisibleAsync();

        var botInput = page.Locator("input#filter-bot, #filter-bot input").First;
        await botInput.ClickAsync();
        await botInput.FillAsync($"#{noisy.Id}");
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = $"#{noisy.Id} Noisy scalper" }).ClickAsync();
        await Expect(page.Locator("tr.at-log-row")).ToHaveCountAsync(34);

        await page.Locator("#filter-level").Locator("xpath=..").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasTextRegex = new Regex("^ERROR$") }).ClickAsync();
        var rows = page.Locator("tr.at-log-row");
        await Expect(rows).ToHaveCountAsync(4);
        foreach (var row in await rows.AllAsync())
        {
            await Expect(row).ToContainTextAsync("ERROR");
            await Expect(row).ToContainTextAsync($"#{noisy.Id} Noisy scalper");
        }
        await Expect(page.Locator("#log-grid")).Not.ToContainTextAsync("Calm holder");

        await rows.First.Locator("button").First.ClickAsync();
        await Expect(page.Locator("pre.at-json").First).ToContainTextAsync("\"exchangeCode\": -2010");
        await Expect(page.Locator("#export-csv")).ToHaveAttributeAsync("href", new Regex($"bot={noisy.Id}.*level=ERROR"));
        await BrowserFixture.ScreenshotAsync(page, "admin-activity-logs");

        // Stop the calm bot from the all-bots page; the audit page then shows who did it.
        await page.GotoAsync($"/admin/bots?owner={calm.UserId}");
        await BrowserFixture.WaitForInteractiveAsync(page);
        var calmRow = page.Locator("#bots-grid tr", new() { HasText = "Calm holder" });
        await Expect(calmRow).ToContainTextAsync("running");
        await calmRow.Locator(".at-stop-bot").ClickAsync();
        await page.Locator(".mud-dialog button", new() { HasText = "Stop bot" }).ClickAsync();
        await Expect(calmRow.Locator(".at-bot-status")).ToHaveTextAsync("stopped");
        await Expect(calmRow.Locator(".at-stop-bot")).ToBeDisabledAsync();

        foreach (var (path, name, marker) in new[]
                 {
                     ("/admin", "admin-overview", "#overview-users"),
                     ("/admin/users", "admin-users", "#users-grid tbody tr.mud-table-row"),
                     ("/admin/bots", "admin-bots", "#bots-grid tbody tr.mud-table-row"),
                     ("/admin/system", "admin-system", "#system-storage"),
                     ("/admin/audit", "admin-audit", $"#audit-grid tr:has-text('bot {calm.Id}')"),
                 })
        {
            await page.GotoAsync(path);
            await BrowserFixture.WaitForInteractiveAsync(page);
            await Expect(page.Locator(marker).First).ToBeVisibleAsync();
            await Expect(page.Locator("#admin-nav [aria-current='page']")).ToHaveAttributeAsync("href", path);
            await BrowserFixture.ScreenshotAsync(page, name);
        }
        await Expect(page.Locator("#audit-grid tr", new() { HasText = $"bot {calm.Id}" })).ToContainTextAsync(adminEmail);
        await page.Context.CloseAsync();
    }
}

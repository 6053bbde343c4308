using AlgoTrade.Core.Accounts;
using AlgoTrade.Core.Admin;
using AlgoTrade.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AlgoTrade.Tests.E2E;

[Collection(BrowserCollection.Name)]
public class AdminRetentionTests(BrowserFixture browser)
{
    [Fact]
    public async Task Retention_outside_its_range_is_refused_with_a_message_instead_of_being_coerced()
    {
        var retention = browser.App.Services.GetRequiredService<ActivityLogRetention>();
        var before = await retention.GetRetentionDaysAsync();
        var adminEmail = TestUsers.NewEmail("retention-admin");
        await browser.App.Services.GetRequiredService<UserAccountService>().CreateOrPromoteAdminAsync(adminEmail, TestUsers.Password);
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, adminEmail, TestUsers.Password);
        await Expect(page.Locator("#nav-admin")).ToBeVisibleAsync();
        await page.GotoAsync("/admin/system");
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Expect(page.Locator("#system-storage")).ToBeVisibleAsync();
        try
        {
            foreach (var typed in new[] { "-5", "0", "100000" })
            {
                await page.FillAsync("#retention-days", typed);
                await page.PressAsync("#retention-days", "Tab");
                await page.ClickAsync("#retention-save");
                var field = page.Locator(".mud-input-control:has(#retention-days)");
                await Expect(field).ToContainTextAsync("Retention must be between 1 and 3650 days, or empty to keep everything.");
                // What was typed stays, so the admin sees what was refused.
                await Expect(page.Locator("#retention-days")).ToHaveValueAsync(typed);
                Assert.Equal(before, await retention.GetRetentionDaysAsync());
            }
            await BrowserFixture.ScreenshotAsync(page, "admin-system-retention-error");

            await page.FillAsync("#retention-days", "1");
            await page.PressAsync("#retention-days", "Tab");
            await page.ClickAsync("#retention-save");
            await Expect(page.Locator("#retention-current")).ToHaveTextAsync("Current setting: keep 1 day");
            Assert.Equal(1, await retention.GetRetentionDaysAsync());
        }
        finally
        {
            // The setting is global to the run's database: leave it as it was.
            await using var db = await TestDatabase.SharedContextAsync();
            var admin = db.Users.Single(u => u.Email == adminEmail);
            await retention.SetRetentionDaysAsync(admin.Id, before);
            await page.Context.CloseAsync();
        }
    }
}

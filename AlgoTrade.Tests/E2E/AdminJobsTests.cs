using AlgoTrade.Core.Accounts;
using AlgoTrade.Core.Persistence;
using AlgoTrade.Core.WorkQueue;
using AlgoTrade.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace AlgoTrade.Tests.E2E;

[Collection(BrowserCollection.Name)]
public class AdminJobsTests(BrowserFixture browser)
{
    // No node has a handler for it, so the job waits until someone cancels it.
    private const string IdleKind = "admin-test-idle";

    [Fact]
    public async Task The_system_page_lists_another_users_waiting_job_with_its_owner_and_the_admin_cancels_it()
    {
        var services = browser.App.Services;
        var traderEmail = TestUsers.NewEmail("jobs-trader");
        var trader = (await services.GetRequiredService<UserAccountService>().RegisterAsync(traderEmail, TestUsers.Password)).User!;
        var jobId = Guid.CreateVersion7();
        await using (var db = await TestDatabase.SharedContextAsync())
        {
            services.GetRequiredService<AlgoTrade.Core.WorkQueue.WorkQueue>().Enqueue(db, IdleKind, jobId, trader.Id, new { part = 1 });
            await db.SaveChangesAsync();
        }
        var adminEmail = TestUsers.NewEmail("jobs-admin");
        await services.GetRequiredService<UserAccountService>().CreateOrPromoteAdminAsync(adminEmail, TestUsers.Password);
        var page = await browser.NewPageAsync();
        try
        {
            await BrowserFixture.SignInAsync(page, adminEmail, TestUsers.Password);
            await Expect(page.Locator("#nav-admin")).ToBeVisibleAsync();
            await page.GotoAsync("/admin/system");
            await BrowserFixture.WaitForInteractiveAsync(page);

            var row = page.Locator("#jobs-grid tr", new() { HasText = traderEmail });
            await Expect(row).ToHaveCountAsync(1);
            await Expect(row.Locator(".job-kind")).ToHaveTextAsync(IdleKind);
            await Expect(row.Locator(".job-status")).ToHaveAttributeAsync("data-status", "pending");
            await Expect(row.Locator(".job-progress")).ToHaveTextAsync("0 %");
            await row.ScrollIntoViewIfNeededAsync();
            await BrowserFixture.ScreenshotAsync(page, "admin-system-jobs");

            await row.Locator(".job-cancel").ClickAsync();
            await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync($"Cancelled {traderEmail}'s {IdleKind} job.");
            // "Waiting or running only" is on: the cancelled job leaves the list.
            await Expect(row).ToHaveCountAsync(0);
            await page.ClickAsync("#jobs-active-only");
            await Expect(row.Locator(".job-status")).ToHaveAttributeAsync("data-status", "cancelled");
            await BrowserFixture.ScreenshotAsync(page, "admin-system-jobs-cancelled");

            await using var check = await TestDatabase.SharedContextAsync();
            var item = await check.WorkItems.AsNoTracking().SingleAsync(w => w.JobId == jobId);
            Assert.Equal((WorkItemStatus.Cancelled, "Cancelled by an administrator."), (item.Status, item.Error));
            Assert.True(await check.AdminAuditLog.AnyAsync(a => a.Action == "job.cancel" && a.TargetId == jobId.ToString()));
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}

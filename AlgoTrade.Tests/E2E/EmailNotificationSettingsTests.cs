using AlgoTrade.Core.Accounts;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Email;
using AlgoTrade.Core.Notifications;
using AlgoTrade.Tests.Email;
using AlgoTrade.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AlgoTrade.Tests.E2E;

/// <summary>/notifications with email on, in Chromium: the delivery log with the server's replies, and the daily summary choice.</summary>
[Collection(BrowserCollection.Name)]
public sealed class EmailNotificationSettingsTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly Smtp4devInbox _inbox = Smtp4devInbox.FromEnvironment();
    private AlgoTradeWebFactory _app = default!;

    public async Task InitializeAsync() => _app = await AlgoTradeWebFactory.StartAsync(_inbox.AppSettings(new Uri("http://127.0.0.1")));

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _inbox.Dispose();
    }

    [Fact]
    public async Task A_trader_sees_sent_retrying_and_failed_emails_and_chooses_the_daily_summary_hour()
    {
        var email = TestUsers.NewEmail("maillog");
        var userId = (await _app.Services.GetRequiredService<UserAccountService>().RegisterAsync(email, TestUsers.Password)).User!.Id;
        await using (var db = await TestDatabase.SharedContextAsync())
            await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.EmailVerifiedAt, DateTime.UtcNow));
        var t0 = DateTime.UtcNow.AddHours(-1);
        await EmailDeliveryRows.AddAsync(userId, "BTC trend: BUY 0.01 BTCUSDT at 64000", EmailDeliveryStatus.Sent, 1, "2.0.0 Ok: queued as 7F3A", t0);
        await EmailDeliveryRows.AddAsync(userId, "BTC trend: SELL 0.01 BTCUSDT at 64500", EmailDeliveryStatus.Retrying, 2,
            "451 4.7.1 Greylisted, try again later", t0.AddMinutes(5), EmailDeliveryRows.NeverDue);
        await EmailDeliveryRows.AddAsync(userId, "BTC trend stopped with an error", EmailDeliveryStatus.Failed, 1,
            "550 5.1.1 <" + email + ">: Recipient address rejected", t0.AddMinutes(10), kind: NotificationTypes.BotError);

        var page = await browser.SignedInPageAsync(_app, email, TestUsers.Password);

        await page.GotoAsync("/notifications");
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Expect(page.Locator(".email-log-row")).ToHaveCountAsync(3);
        await Expect(page.Locator(".email-log-row[data-status='failed']")).ToContainTextAsync("Server reply: 550 5.1.1");
        await Expect(page.Locator(".email-log-row[data-status='retrying']")).ToContainTextAsync("2 attempts failed; next try");
        await Expect(page.Locator(".email-log-row[data-status='sent']")).ToContainTextAsync("2.0.0 Ok: queued as 7F3A");
        await Expect(page.Locator("#email-unavailable")).ToHaveCountAsync(0);

        await page.Locator("input#digest-enabled, #digest-enabled input").CheckAsync();
        await page.Locator("#digest-panel div.mud-input-control.mud-select").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex(@"^\s*09:00\s*$") }).ClickAsync();
        // MudSelect hands its new value to the form after the popover closes; save only once the form shows it.
        await Expect(page.Locator("input#digest-hour")).ToHaveValueAsync("9");
        await page.ClickAsync("#digest-save");
        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Daily summary on, sent after 09:00 UTC.");
        await page.Locator("#email-delivery-log").ScrollIntoViewIfNeededAsync();
        await BrowserFixture.ScreenshotAsync(page, "notifications-email");

        var saved = await _app.Services.GetRequiredService<NotificationPreferenceService>().GetAsync(userId);
        Assert.Equal((true, 9), (saved.DigestEnabled, saved.DigestHourUtc));
    }
}

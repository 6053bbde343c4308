using System.Text.RegularExpressions;
using AlgoTrade.Core.Accounts;
using AlgoTrade.Core.Notifications;
using AlgoTrade.Tests.Infrastructure;
using AlgoTrade.Tests.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AlgoTrade.Tests.E2E;

/// <summary>A trader points a webhook at a local receiver in the browser, tests it, saves, and keeps the secret shown once.</summary>
[Collection(BrowserCollection.Name)]
public class NotificationSettingsTests(BrowserFixture browser) : IAsyncLifetime
{
    private AlgoTradeWebFactory _app = default!;
    private WebhookReceiver _receiver = default!;

    public async Task InitializeAsync()
    {
        _receiver = await WebhookReceiver.StartAsync();
        _app = await AlgoTradeWebFactory.StartAsync(new Dictionary<string, string?> { ["Notifications:AllowLoopbackHttp"] = "true" });
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _receiver.DisposeAsync();
    }

    [Fact]
    public async Task A_trader_tests_and_saves_a_webhook_and_sees_the_signing_secret_once()
    {
        var email = TestUsers.NewEmail("notify");
        var userId = (await _app.Services.GetRequiredService<UserAccountService>().RegisterAsync(email, TestUsers.Password)).User!.Id;
        var page = await browser.SignedInPageAsync(_app, email, TestUsers.Password);

        await page.GotoAsync("/notifications");
        await BrowserFixture.WaitForInteractiveAsync(page);
        var row = page.Locator($".notification-row[data-type='{NotificationTypes.TradeExecuted}']");
        await row.Locator(".webhook-url input").FillAsync($"{_receiver.BaseUrl}/hooks/algotrade");
        await row.Locator(".webhook-enabled input").CheckAsync();
        await row.Locator(".webhook-test").ClickAsync();
        await Expect(row.Locator(".webhook-test-outcome")).ToContainTextAsync("HTTP 200");
        var secret = await page.Locator("#signing-secret").TextContentAsync();
        Assert.True(WebhookSigner.Verify(secret!, Assert.Single(_receiver.Requests).Body, _receiver.Requests.Single().Signature));

        await page.ClickAsync("#notifications-save");
        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("saved");
        await BrowserFixture.ScreenshotAsync(page, "notifications");
        var saved = await _app.Services.GetRequiredService<NotificationPreferenceService>().GetAsync(userId);
        Assert.Equal(new NotificationSetting(NotificationTypes.TradeExecuted, true, $"{_receiver.BaseUrl}/hooks/algotrade", false), saved.Types[0]);

        // After a reload the secret is gone for good: only "a secret is set".
        await page.ReloadAsync();
        await Expect(page.Locator("#secret-status")).ToContainTextAsync(new Regex("A signing secret is set"));
        await Expect(page.Locator("#signing-secret")).ToHaveCountAsync(0);
        Assert.DoesNotContain(secret!, await page.ContentAsync());
    }
}

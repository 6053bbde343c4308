using AlgoTrade.Core.Accounts;
using AlgoTrade.Core.Domain;
using AlgoTrade.Tests.Admin;
using AlgoTrade.Tests.Infrastructure;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Serilog.Core;
using Serilog.Events;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace AlgoTrade.Tests.E2E;

/// <summary>
/// An admin closes the browser while admin pages are open (the live tail running): the circuits end quietly, with no
/// unhandled exception in the app's log. The app keeps a disconnected circuit only a second, so the test sees its end.
/// </summary>
[Collection(BrowserCollection.Name)]
public class AdminCircuitTests(BrowserFixture browser, ITestOutputHelper output) : IAsyncLifetime
{
    private readonly SerilogCapture _log = new();
    private AlgoTradeWebFactory _app = default!;

    public async Task InitializeAsync() =>
        _app = await AlgoTradeWebFactory.StartAsync(configureServices: s =>
        {
            s.AddSingleton<ILogEventSink>(_log);
            s.Configure<CircuitOptions>(o => o.DisconnectedCircuitRetentionPeriod = TimeSpan.FromSeconds(1));
        });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Closing_the_browser_on_admin_pages_logs_no_unhandled_exception()
    {
        var adminEmail = TestUsers.NewEmail("circuit-admin");
        await _app.Services.GetRequiredService<UserAccountService>().CreateOrPromoteAdminAsync(adminEmail, TestUsers.Password);
        await using (var db = await TestDatabase.SharedContextAsync())
        {
            var trader = await AdminTestData.AddUserAsync(db, prefix: "circuit-trader");
            var bot = await AdminTestData.AddBotAsync(db, trader.Id, "Circuit bot");
            db.BotActivityLogs.Add(AdminTestData.Log(bot, DateTime.UtcNow, ActivityLogLevel.Info, "Tick"));
            await db.SaveChangesAsync();
        }

        foreach (var path in new[] { "/admin/activity-logs", "/admin", "/admin/users", "/admin/bots", "/admin/system", "/admin/audit" })
        {
            var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
            {
                BaseURL = _app.BaseAddress.ToString(),
                ViewportSize = new ViewportSize { Width = 1366, Height = 860 },
            });
            var page = await context.NewPageAsync();
            await BrowserFixture.SignInAsync(page, adminEmail, TestUsers.Password);
            await Expect(page.Locator("#nav-admin")).ToBeVisibleAsync();
            await page.GotoAsync(path);
            await BrowserFixture.WaitForInteractiveAsync(page);
            if (path == "/admin/activity-logs")
            {
                await page.Locator("#live-tail").ClickAsync();
                await Expect(page.GetByRole(AriaRole.Switch, new() { NameRegex = new System.Text.RegularExpressions.Regex("Live tail · \\d+ rows") })).ToBeCheckedAsync();
                await Task.Delay(2000);
            }
            // Gone mid-work: no goodbye from the page, the socket just drops.
            await context.CloseAsync();
        }
        await Task.Delay(TimeSpan.FromSeconds(8));

        var bad = _log.Events.Where(e => e.Level >= LogEventLevel.Warning &&
            (e.Exception is not null || e.MessageTemplate.Text.Contains("nhandled", StringComparison.Ordinal))).ToList();
        foreach (var e in bad) output.WriteLine(SerilogCapture.Describe(e));
        Assert.Empty(bad);
    }
}

using System.Diagnostics;
using System.Text.RegularExpressions;
using AlgoTrade.Core.Accounts;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Persistence;
using AlgoTrade.Core.Runtime;
using AlgoTrade.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace AlgoTrade.Tests.Reliability;

/// <summary>
/// The app process dies (SIGKILL) while a backtest job runs. The job must not stay "running" forever: the next process
/// marks it failed with a message the trader reads on its page, and its worker runs the next backtest to the end.
/// </summary>
[Collection(BrowserCollection.Name)]
public class BacktestWorkerKillTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    public async Task A_backtest_running_when_the_process_is_killed_fails_cleanly_on_restart_and_the_worker_runs_the_next()
    {
        await using var database = await TestDatabase.CreateFreshAsync();
        await using (var db = TestDatabase.CreateContext(database.ConnectionString))
            await DatabaseSetup.MigrateAsync(db);
        var email = TestUsers.NewEmail("btkill");
        await using (var services = CoreServices.Build(database.ConnectionString))
            Assert.NotNull((await services.GetRequiredService<UserAccountService>().RegisterAsync(email, TestUsers.Password)).User);

        // First process: kills itself the moment its worker marks a backtest running.
        await using var first = await AppProcess.StartAsync("backtest-first", database.ConnectionString,
            new Dictionary<string, string?> { ["Runtime:CrashPoint"] = CrashPoint.BacktestRunning });
        var page = await SignedInPageAsync(first, email);
        await page.GotoAsync("/backtests/new");
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Expect(page.Locator(".mud-input-control:has(#backtest-symbol)")).ToContainTextAsync("trading symbols on simulated");
        await page.ClickAsync("#backtest-run");
        Assert.True(await first.WaitForExitAsync(TimeSpan.FromSeconds(60)), "The app did not die when the backtest started running.");
        Assert.NotEqual(0, first.ExitCode);
        await page.Context.CloseAsync();

        BacktestJob job;
        await using (var db = TestDatabase.CreateContext(database.ConnectionString))
            job = await db.BacktestJobs.SingleAsync();
        Assert.Equal(BacktestJobStatus.Running, job.Status);

        // Second process: the orphan is failed at start-up, with a reason, and the worker goes on.
        var restart = Stopwatch.StartNew();
        await using var second = await AppProcess.StartAsync("backtest-second", database.ConnectionString);
        while (true)
        {
            await using var db = TestDatabase.CreateContext(database.ConnectionString);
            job = await db.BacktestJobs.SingleAsync(j => j.Id == job.Id);
            if (job.Status != BacktestJobStatus.Running) break;
            Assert.True(restart.Elapsed < TimeSpan.FromSeconds(60), "The interrupted backtest still says running a minute after the restart.");
            await Task.Delay(250);
        }
        Assert.Equal(BacktestJobStatus.Failed, job.Status);
        Assert.Equal("Interrupted by a server restart; run it again.", job.ErrorMessage);
        output.WriteLine($"Interrupted backtest marked failed {restart.Elapsed.TotalSeconds:0.0} s after the second process was launched");

        page = await SignedInPageAsync(second, email);
        await page.GotoAsync($"/backtests/{job.Id}");
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Expect(page.Locator(".backtest-status").First).ToHaveAttributeAsync("data-status", "failed");
        await Expect(page.Locator("body")).ToContainTextAsync("Interrupted by a server restart");
        await BrowserFixture.ScreenshotAsync(page, "backtest-interrupted-by-restart");

        await page.GotoAsync("/backtests/new");
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Expect(page.Locator(".mud-input-control:has(#backtest-symbol)")).ToContainTextAsync("trading symbols on simulated");
        await page.ClickAsync("#backtest-run");
        await Expect(page).ToHaveURLAsync(new Regex("/backtests/[0-9a-f-]{36}$"));
        await Expect(page.Locator(".backtest-status").First).ToHaveAttributeAsync("data-status", "completed", new() { Timeout = 60_000 });
        await page.Context.CloseAsync();
    }

    private async Task<IPage> SignedInPageAsync(AppProcess app, string email)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
        });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", TestUsers.Password);
        await page.ClickAsync("#login-submit");
        await Expect(page.Locator("#welcome-email")).ToHaveTextAsync(email, new() { Timeout = 30_000 });
        return page;
    }
}

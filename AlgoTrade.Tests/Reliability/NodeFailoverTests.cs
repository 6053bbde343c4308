using System.Diagnostics;
using System.Globalization;
using AlgoTrade.Core.Bots;
using AlgoTrade.Core.Persistence;
using AlgoTrade.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace AlgoTrade.Tests.Reliability;

/// <summary>
/// Two app processes on one database with the clustered Quartz store, behind Debian's nginx (ip_hash stickiness,
/// WebSocket upgrade). A trader watches the dashboard through the proxy; the node not serving the browser is killed
/// with SIGKILL. Its share of the bots must tick on the survivor within 30 s, every scheduled fire must run exactly
/// once across both nodes, and the open dashboard on the survivor must keep updating.
/// </summary>
[Collection(BrowserCollection.Name)]
public class NodeFailoverTests(BrowserFixture browser, ITestOutputHelper output)
{
    private const int Bots = 6;

    [Fact]
    public async Task Killing_one_node_moves_its_bots_to_the_survivor_within_30_seconds_and_every_fire_runs_once()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();

        string email;
        var botIds = new List<int>();
        await using (var services = BotFixtures.BuildServices(database.ConnectionString, new RecordingScheduleControl()))
        {
            email = TestUsers.NewEmail("failover");
            var userId = (await services.GetRequiredService<AlgoTrade.Core.Accounts.UserAccountService>().RegisterAsync(email, TestUsers.Password)).User!.Id;
            var bots = services.GetRequiredService<BotService>();
            for (var i = 0; i < Bots; i++)
            {
                var draft = BotFixtures.Draft($"Failover {i}");
                draft.CheckIntervalSeconds = 5;
                var created = await bots.CreateAsync(userId, draft);
                Assert.True(created.Succeeded, string.Join(" ", created.ErrorsOrEmpty.SelectMany(e => e.Value)));
                Assert.True((await bots.StartAsync(userId, created.Bot!.Id)).Succeeded);
                botIds.Add(created.Bot.Id);
            }
        }

        var cluster = new Dictionary<string, string?>
        {
            ["Scheduling:StoreMode"] = "Postgres",
            ["Scheduling:ClusterCheckinInterval"] = "00:00:02",
            ["Serilog:MinimumLevel:Override:AlgoTrade.Hosting.Scheduling.BotTickJob"] = "Debug",
            ["Exchanges:Binance:BaseUrl"] = "http://127.0.0.1:9",
            ["Exchanges:BinanceTestnet:BaseUrl"] = "http://127.0.0.1:9",
        };
        var startA = AppProcess.StartAsync("node-a", database.ConnectionString, With(cluster, "Scheduling:InstanceId", "node-a"));
        var startB = AppProcess.StartAsync("node-b", database.ConnectionString, With(cluster, "Scheduling:InstanceId", "node-b"));
        await using var nodeA = await startA;
        await using var nodeB = await startB;
        await using var proxy = await NginxProxy.StartAsync([nodeA.Port, nodeB.Port]);

        // The cluster runs every bot before the kill; which node takes which fire is Quartz's choice.
        await Eventually.HoldsAsync(() => TickLines(nodeA).Concat(TickLines(nodeB)).Select(f => f.BotId).Distinct().Count() == Bots,
            TimeSpan.FromSeconds(60), "every bot to tick");
        output.WriteLine($"Before the kill: node-a ran {TickLines(nodeA).Count} fires, node-b {TickLines(nodeB).Count}");

        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = proxy.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
        });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        var login = await page.GotoAsync("/account/login");
        var servedBy = login!.Headers["x-upstream"];
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", TestUsers.Password);
        await page.ClickAsync("#login-submit");
        try
        {
            await Expect(page.Locator("#welcome-email")).ToHaveTextAsync(email, new() { Timeout = 30_000 });
        }
        finally
        {
            await BrowserFixture.ScreenshotAsync(page, "failover-after-sign-in");
        }
        await BrowserFixture.WaitForInteractiveAsync(page);
        var (survivor, victim) = servedBy.EndsWith(":" + nodeA.Port.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            ? (nodeA, nodeB) : (nodeB, nodeA);
        output.WriteLine($"Browser on {survivor.Name} ({servedBy}); killing {victim.Name}");

        await victim.KillAsync();
        var killedAt = DateTime.UtcNow;
        var clock = Stopwatch.StartNew();

        // Every bot ticks again after the kill, on the survivor, within 30 s.
        var movedWithin = TimeSpan.Zero;
        await Eventually.HoldsAsync(async () =>
        {
            await using var db = TestDatabase.CreateContext(database.ConnectionString);
            var ticked = await db.BotStates.CountAsync(s => botIds.Contains(s.BotConfigId) && s.LastRunAt > killedAt.AddSeconds(1));
            movedWithin = clock.Elapsed;
            return ticked == Bots;
        }, TimeSpan.FromSeconds(30), "every bot to tick on the survivor");
        output.WriteLine($"All {Bots} bots ticked on the survivor {movedWithin.TotalSeconds:0.0} s after the kill");

        // The dashboard open on the survivor keeps changing: each bot card's "last run" follows its ticks.
        var card = page.Locator($"#bot-card-{botIds[0]} .bot-last-run");
        var before = await card.GetAttributeAsync("title");
        await Expect(card).Not.ToHaveAttributeAsync("title", before ?? "", new() { Timeout = 20_000 });
        await BrowserFixture.ScreenshotAsync(page, "failover-dashboard-on-survivor");

        // Let the survivor run alone a little longer, then check every fire ran once across both nodes.
        await Task.Delay(TimeSpan.FromSeconds(6));
        var fires = TickLines(nodeA).Concat(TickLines(nodeB)).ToList();
        var doubled = fires.GroupBy(f => (f.BotId, f.At)).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(doubled.Count == 0, "Fires that ran twice: " + string.Join(", ", doubled));
        var afterKill = fires.Where(f => f.Node == survivor.Name && f.At > killedAt).ToList();
        Assert.Equal(botIds.Order(), afterKill.Select(f => f.BotId).Distinct().Order());
        output.WriteLine($"{fires.Count} fires, none twice; {afterKill.Count} on {survivor.Name} after the kill");

        // No trade was booked twice: every trade's client order id is unique and matches the bot's sequence.
        await using (var db = TestDatabase.CreateContext(database.ConnectionString))
        {
            var trades = await db.Trades.Where(t => botIds.Contains(t.BotConfigId)).Select(t => t.ClientOrderId).ToListAsync();
            Assert.Equal(trades.Count, trades.Distinct().Count());
        }
        Assert.False(survivor.HasExited);
        await context.CloseAsync();
    }

    private static Dictionary<string, string?> With(Dictionary<string, string?> settings, string key, string value) =>
        new(settings) { [key] = value };

    private sealed record Fire(string Node, int BotId, DateTime At);

    private static List<Fire> TickLines(AppProcess node) =>
        node.LogEvents()
            .Where(e => e.TryGetProperty("@mt", out var mt) && mt.GetString()!.StartsWith("Tick of bot", StringComparison.Ordinal))
            .Select(e => new Fire(node.Name, e.GetProperty("BotId").GetInt32(),
                DateTime.Parse(e.GetProperty("ScheduledFireTime").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal)))
            .ToList();
}

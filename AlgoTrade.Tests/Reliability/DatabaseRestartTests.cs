using System.Diagnostics;
using AlgoTrade.Core.Accounts;
using AlgoTrade.Core.Bots;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Persistence;
using AlgoTrade.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace AlgoTrade.Tests.Reliability;

/// <summary>
/// The database goes away under a running app process (a fast shutdown cuts every connection) and comes back. Ticks
/// must fail cleanly (the process lives, /healthz/ready says so), the app must reconnect by itself, every bot must
/// tick again, and nothing may be lost or booked twice.
/// </summary>
public class DatabaseRestartTests(ITestOutputHelper output)
{
    private const int Bots = 4;

    [Fact]
    public async Task A_postgres_restart_under_running_bots_fails_ticks_cleanly_and_the_app_reconnects_by_itself()
    {
        await using var server = await PrivatePostgres.StartAsync();
        await server.CreateDatabaseAsync("algotrade");
        var connectionString = server.ConnectionString("algotrade");
        await using (var db = TestDatabase.CreateContext(connectionString))
            await DatabaseSetup.MigrateAsync(db);

        var botIds = new List<int>();
        await using (var services = BotFixtures.BuildServices(connectionString, new RecordingScheduleControl()))
        {
            var userId = (await services.GetRequiredService<UserAccountService>().RegisterAsync(TestUsers.NewEmail("pgrestart"), TestUsers.Password)).User!.Id;
            var bots = services.GetRequiredService<BotService>();
            for (var i = 0; i < Bots; i++)
            {
                var draft = BotFixtures.Draft($"Restart {i}");
                draft.CheckIntervalSeconds = 5;
                var created = await bots.CreateAsync(userId, draft);
                Assert.True(created.Succeeded);
                Assert.True((await bots.StartAsync(userId, created.Bot!.Id)).Succeeded);
                botIds.Add(created.Bot.Id);
            }
        }

        await using var app = await AppProcess.StartAsync("pg-restart", connectionString, BotFixtures.OfflineBinance);
        using var http = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        var started = DateTime.UtcNow;
        await Eventually.HoldsAsync(() => TickedSinceAsync(connectionString, botIds, started), TimeSpan.FromSeconds(30), "every bot to tick");

        await server.StopServerAsync();
        var stoppedAt = Stopwatch.StartNew();
        // Two or three ticks of every bot fall into the outage.
        await Task.Delay(TimeSpan.FromSeconds(12));
        Assert.False(app.HasExited, "The app died with its database:\n" + app.ConsoleOutput);
        Assert.True((await http.GetAsync("healthz/live")).IsSuccessStatusCode);
        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, (await http.GetAsync("healthz/ready")).StatusCode);

        await server.StartServerAsync();
        // The test's own pooled connections died with the server too; the app must cope with its own by itself.
        Npgsql.NpgsqlConnection.ClearAllPools();
        var restartedAt = DateTime.UtcNow;
        output.WriteLine($"Database down for {stoppedAt.Elapsed.TotalSeconds:0.0} s");
        var recovery = Stopwatch.StartNew();
        await Eventually.HoldsAsync(() => TickedSinceAsync(connectionString, botIds, restartedAt), TimeSpan.FromSeconds(30), "every bot to tick after the restart");
        output.WriteLine($"Every bot ticked again {recovery.Elapsed.TotalSeconds:0.0} s after the database came back");
        Assert.True((await http.GetAsync("healthz/ready")).IsSuccessStatusCode);

        await using (var db = TestDatabase.CreateContext(connectionString))
        {
            var states = await db.BotStates.Where(s => botIds.Contains(s.BotConfigId)).ToListAsync();
            // A short outage is a transient failure: bots keep running, nothing is left half-sent.
            Assert.All(states, s => Assert.Equal(BotStatus.Running, s.Status));
            Assert.All(states, s => Assert.Null(s.PendingOrders));
            var trades = await db.Trades.Where(t => botIds.Contains(t.BotConfigId)).Select(t => t.ClientOrderId).ToListAsync();
            var orders = await db.PaperOrders.Where(o => botIds.Contains(o.BotConfigId)).CountAsync();
            Assert.Equal(trades.Count, trades.Distinct().Count());
            Assert.Equal(orders, trades.Count);
        }
        // Each tick in the outage ends as one warning that says why, not as a job crash.
        var events = app.LogEvents();
        Assert.DoesNotContain(events, e => e.TryGetProperty("@l", out var level) && level.GetString() == "Fatal");
        Assert.DoesNotContain(events, e => Template(e).StartsWith("Job {JobDetailKey} threw an unhandled Exception", StringComparison.Ordinal));
        var skipped = events.Count(e => Template(e).StartsWith("Tick of bot {BotId} skipped: the database cannot be reached", StringComparison.Ordinal));
        output.WriteLine($"{skipped} ticks skipped during the outage");
        Assert.True(skipped >= Bots, $"Expected every bot's ticks in the outage to be skipped with a warning, saw {skipped}");
        Assert.False(app.HasExited);
    }

    private static string Template(System.Text.Json.JsonElement e) => e.TryGetProperty("@mt", out var mt) ? mt.GetString() ?? "" : "";

    private static async Task<bool> TickedSinceAsync(string connectionString, List<int> botIds, DateTime since)
    {
        try
        {
            await using var db = TestDatabase.CreateContext(connectionString);
            return await db.BotStates.CountAsync(s => botIds.Contains(s.BotConfigId) && s.LastRunAt > since) == botIds.Count;
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or InvalidOperationException)
        {
            return false;
        }
    }
}

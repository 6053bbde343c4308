using System.Diagnostics;
using System.Text.Json;
using AlgoTrade.Core.Accounts;
using AlgoTrade.Core.Backtesting;
using AlgoTrade.Core.Backtesting.Jobs;
using AlgoTrade.Core.Bots;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Events;
using AlgoTrade.Core.Exchanges;
using AlgoTrade.Core.Persistence;
using AlgoTrade.Core.Runtime;
using AlgoTrade.Core.Trading;
using AlgoTrade.Core.WorkQueue;
using AlgoTrade.Hosting.Live;
using AlgoTrade.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace AlgoTrade.Tests.Reliability;

/// <summary>
/// Two app processes on one database share the backtest work queue. One dies with SIGKILL in the middle of a backtest
/// (its <c>backtest-running</c> crash point: <c>Process.Kill()</c> the moment the job is marked running, exit 137 as
/// <c>kill -9</c> gives). The other node takes the item over when its lease runs out and finishes it; every other job
/// finishes too, none is failed, none runs to completion twice.
/// </summary>
public class WorkQueueFailoverTests(ITestOutputHelper output)
{
    private const int Jobs = 4;

    [Fact]
    public async Task A_backtest_whose_node_is_killed_mid_run_is_finished_by_the_other_node()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        await using var services = CoreServices.Build(database.ConnectionString, s =>
        {
            s.AddSingleton<IBotScheduleControl>(new RecordingScheduleControl());
            s.AddSingleton<IBotEventHub, BotEventHub>();
            s.AddAlgoTradeBacktests();
        }, new Dictionary<string, string?> { ["WorkQueue:MaxActiveJobsPerUser"] = "10" });
        var userId = (await services.GetRequiredService<UserAccountService>().RegisterAsync(TestUsers.NewEmail("wqkill"), TestUsers.Password)).User!.Id;

        var victimSettings = AppProcess.QueueNode("victim");
        victimSettings["Runtime:CrashPoint"] = CrashPoint.BacktestRunning;
        var survivorTask = AppProcess.StartAsync("queue-survivor", database.ConnectionString, AppProcess.QueueNode("survivor"));
        var victimTask = AppProcess.StartAsync("queue-victim", database.ConnectionString, victimSettings);
        await using var survivor = await survivorTask;
        await using var victim = await victimTask;

        var jobs = new List<Guid>();
        for (var i = 0; i < Jobs; i++)
        {
            var created = await services.GetRequiredService<BacktestJobService>().CreateAsync(userId, Config(i));
            Assert.True(created.Succeeded, string.Join(" ", created.Errors.SelectMany(e => e.Value)));
            jobs.Add(created.JobId!.Value);
        }

        // The victim is idle when the jobs arrive, so it claims one at once, and dies holding it.
        Assert.True(await victim.WaitForExitAsync(TimeSpan.FromSeconds(60)), "the victim never started a backtest");
        Assert.Equal(137, victim.ExitCode);
        var killedAt = Stopwatch.StartNew();
        WorkItem orphan;
        await using (var db = TestDatabase.CreateContext(database.ConnectionString))
            orphan = await db.WorkItems.AsNoTracking().SingleAsync(w => w.ClaimedBy == "victim");
        Assert.Equal((WorkItemStatus.Running, 1), (orphan.Status, orphan.Attempts));

        List<BacktestJob> rows;
        while (true)
        {
            await using (var db = TestDatabase.CreateContext(database.ConnectionString))
                rows = await db.BacktestJobs.AsNoTracking().Where(j => jobs.Contains(j.Id)).ToListAsync();
            if (rows.All(j => !j.Status.IsActive())) break;
            Assert.True(killedAt.Elapsed < TimeSpan.FromSeconds(120),
                $"jobs still active two minutes after the kill: {string.Join(", ", rows.Select(j => j.Status))}\n{survivor.ConsoleOutput}");
            await Task.Delay(250);
        }
        output.WriteLine($"All {Jobs} jobs finished {killedAt.Elapsed.TotalSeconds:0.0} s after the victim died");

        Assert.All(rows, j => Assert.Equal(BacktestJobStatus.Completed, j.Status));
        Assert.All(rows, j => Assert.NotNull(j.Results));
        Assert.All(rows, j => Assert.Equal(1.0, j.Progress));
        await using (var db = TestDatabase.CreateContext(database.ConnectionString))
        {
            var items = await db.WorkItems.AsNoTracking().ToListAsync();
            Assert.Equal(Jobs, items.Count);
            Assert.All(items, w => Assert.Equal((WorkItemStatus.Done, "survivor"), (w.Status, w.ClaimedBy)));
            var taken = Assert.Single(items, w => w.Id == orphan.Id);
            Assert.Equal(2, taken.Attempts);
            Assert.All(items.Where(w => w.Id != orphan.Id), w => Assert.Equal(1, w.Attempts));
        }
        // The take-over is in the survivor's log, naming the attempt.
        Assert.Contains(survivor.LogEvents(), e => e.TryGetProperty("@mt", out var mt) && mt.GetString()!.Contains("claimed again", StringComparison.Ordinal)
            && e.GetProperty("ItemId").GetInt64() == orphan.Id);
    }

    private static BacktestConfig Config(int i) => new()
    {
        Symbol = i % 2 == 0 ? "BTCUSDT" : "ETHUSDT",
        ExchangeName = ExchangeNames.Simulated,
        Timeframe = "5m",
        Start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(i),
        End = new DateTime(2024, 4, 1, 0, 0, 0, DateTimeKind.Utc),
        StrategyType = "ema_cross_rsi",
        StrategyParams = JsonDocument.Parse("""{"ema_fast": 9, "ema_slow": 21}""").RootElement,
        Risk = new RiskSettings { InitialCapital = 10_000, PositionSizePerc = 50 },
    };
}

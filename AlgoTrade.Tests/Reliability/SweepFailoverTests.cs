using System.Diagnostics;
using System.Text.Json;
using AlgoTrade.Core.Accounts;
using AlgoTrade.Core.Backtesting;
using AlgoTrade.Core.Backtesting.Jobs;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Persistence;
using AlgoTrade.Core.Runtime;
using AlgoTrade.Core.Sweeps;
using AlgoTrade.Core.Trading;
using AlgoTrade.Core.WorkQueue;
using AlgoTrade.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace AlgoTrade.Tests.Reliability;

/// <summary>
/// Two app processes on one database share the sweep's chunks on the work queue. One dies with SIGKILL holding a
/// <c>sweep_chunk</c> (before evaluating it, or with its evaluations inserted but not committed). The other takes the
/// chunk over when its lease runs out and finishes the sweep: every point is in <c>sweep_evaluations</c> exactly once,
/// and the stored results are those of the same sweep run by one node alone.
/// </summary>
public class SweepFailoverTests(ITestOutputHelper output)
{
    private const int ChunkSize = 5;
    private const int Points = 40;

    [Theory]
    [InlineData(CrashPoint.SweepChunkEvaluating, SweepSearch.Grid)]
    [InlineData(CrashPoint.SweepChunkWriting, SweepSearch.Grid)]
    [InlineData(CrashPoint.SweepChunkEvaluating, SweepSearch.Tpe)]
    [InlineData(CrashPoint.SweepChunkWriting, SweepSearch.Tpe)]
    public async Task A_sweep_whose_node_is_killed_mid_chunk_is_finished_by_the_other_node_with_every_point_once(string crashPoint, SweepSearch search)
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        await using var services = CoreServices.Build(database.ConnectionString, s =>
        {
            s.AddAlgoTradeBacktests();
            s.AddAlgoTradeSweeps();
        }, new Dictionary<string, string?>(BotFixtures.OfflineBinance) { ["Sweeps:ChunkSize"] = ChunkSize.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var userId = (await services.GetRequiredService<UserAccountService>().RegisterAsync(TestUsers.NewEmail("sweepkill"), TestUsers.Password)).User!.Id;

        // The nodes chunk a refinement's later batches themselves, with the cluster's chunk size.
        Dictionary<string, string?> Node(string name) => new(AppProcess.QueueNode(name))
        {
            ["Sweeps:MaxParallelism"] = "1",
            ["Sweeps:ChunkSize"] = ChunkSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var victimSettings = Node("victim");
        victimSettings["Runtime:CrashPoint"] = crashPoint;
        var survivorTask = AppProcess.StartAsync("sweep-survivor", database.ConnectionString, Node("survivor"));
        var victimTask = AppProcess.StartAsync("sweep-victim", database.ConnectionString, victimSettings);
        await using var survivor = await survivorTask;
        await using var victim = await victimTask;

        var sweeps = services.GetRequiredService<SweepService>();
        var sweepId = await CreateAsync(sweeps, userId, search);

        // Both nodes are idle when the chunks arrive, so the victim claims one at once and dies holding it.
        Assert.True(await victim.WaitForExitAsync(TimeSpan.FromSeconds(60)), "the victim never ran a sweep chunk");
        Assert.True(victim.ExitCode == 137, $"the victim exited with {victim.ExitCode}, not SIGKILL's 137:\n{victim.ConsoleOutput}");
        var killedAt = Stopwatch.StartNew();
        WorkItem orphan;
        await using (var db = TestDatabase.CreateContext(database.ConnectionString))
            orphan = await db.WorkItems.AsNoTracking().SingleAsync(w => w.ClaimedBy == "victim");
        Assert.Equal((SweepChunk.Kind, sweepId, WorkItemStatus.Running, 1), (orphan.Kind, orphan.JobId, orphan.Status, orphan.Attempts));
        var orphanChunk = orphan.Payload.RootElement.Deserialize<SweepChunk>(AlgoTrade.Core.WorkQueue.WorkQueue.PayloadJson)!;
        await using (var db = TestDatabase.CreateContext(database.ConnectionString))
            Assert.Equal(0, await db.SweepEvaluations.CountAsync(e => e.SweepId == sweepId && e.PointIndex >= orphanChunk.From && e.PointIndex < orphanChunk.From + orphanChunk.Count));

        var done = await WaitFinishedAsync(database.ConnectionString, sweepId, killedAt, survivor);
        output.WriteLine($"Sweep ({search}) finished {killedAt.Elapsed.TotalSeconds:0.0} s after the victim died ({crashPoint})");
        Assert.Equal((SweepStatus.Completed, (long)Points, (long)Points), (done.Status, done.TotalPoints, done.EvaluatedPoints));
        Assert.Null(done.ErrorMessage);

        await using (var db = TestDatabase.CreateContext(database.ConnectionString))
        {
            var indexes = await db.SweepEvaluations.AsNoTracking().Where(e => e.SweepId == sweepId).Select(e => e.PointIndex).ToListAsync();
            Assert.Equal(Enumerable.Range(0, Points).Select(i => (long)i), indexes.Order());
            var points = await db.SweepEvaluations.AsNoTracking().Where(e => e.SweepId == sweepId).Select(e => e.Params).ToListAsync();
            Assert.Equal(Points, points.Select(p => p.RootElement.GetRawText()).Distinct().Count());
            var items = await db.WorkItems.AsNoTracking().Where(w => w.JobId == sweepId).ToListAsync();
            Assert.Equal(Points / ChunkSize, items.Count);
            Assert.All(items, w => Assert.Equal((WorkItemStatus.Done, "survivor"), (w.Status, w.ClaimedBy)));
            Assert.Equal(2, Assert.Single(items, w => w.Id == orphan.Id).Attempts);
            Assert.All(items.Where(w => w.Id != orphan.Id), w => Assert.Equal(1, w.Attempts));
        }
        Assert.Contains(survivor.LogEvents(), e => e.TryGetProperty("@mt", out var mt) && mt.GetString()!.Contains("claimed again", StringComparison.Ordinal)
            && e.GetProperty("ItemId").GetInt64() == orphan.Id);

        // The same sweep again, on the survivor alone: the same evaluation at every point, the same best.
        var alone = await CreateAsync(sweeps, userId, search);
        var aloneDone = await WaitFinishedAsync(database.ConnectionString, alone, Stopwatch.StartNew(), survivor);
        Assert.Equal(SweepStatus.Completed, aloneDone.Status);
        Assert.Equal(await EvaluationsAsync(database.ConnectionString, alone), await EvaluationsAsync(database.ConnectionString, sweepId));
        Assert.Equal(aloneDone.Best!.RootElement.GetRawText(), done.Best!.RootElement.GetRawText());
    }

    private static async Task<Guid> CreateAsync(SweepService sweeps, int userId, SweepSearch search)
    {
        var created = await sweeps.CreateAsync(userId, search == SweepSearch.Tpe ? Refinement() : Definition());
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.SelectMany(e => e.Value)));
        return created.SweepId!.Value;
    }

    private static async Task<Sweep> WaitFinishedAsync(string connectionString, Guid sweepId, Stopwatch since, AppProcess survivor)
    {
        while (true)
        {
            await using (var db = TestDatabase.CreateContext(connectionString))
            {
                var sweep = await db.Sweeps.AsNoTracking().SingleAsync(s => s.Id == sweepId);
                if (!SweepStatus.IsActive(sweep.Status)) return sweep;
                Assert.True(since.Elapsed < TimeSpan.FromSeconds(120),
                    $"sweep still {sweep.Status} with {sweep.EvaluatedPoints}/{sweep.TotalPoints} points two minutes on\n{survivor.ConsoleOutput}");
            }
            await Task.Delay(250);
        }
    }

    /// <summary>Every stored evaluation of the sweep as text, in point order: parameters, metrics, scores, constraint and note.</summary>
    private static async Task<List<string>> EvaluationsAsync(string connectionString, Guid sweepId)
    {
        await using var db = TestDatabase.CreateContext(connectionString);
        var rows = await db.SweepEvaluations.AsNoTracking().Where(e => e.SweepId == sweepId).OrderBy(e => e.PointIndex).ToListAsync();
        Assert.Equal(Points, rows.Count);
        return [.. rows.Select(e => string.Join(" | ", e.PointIndex, e.Params.RootElement.GetRawText(), e.InSample?.RootElement.GetRawText(),
            e.OutOfSample?.RootElement.GetRawText(), e.InSampleScore, e.OutOfSampleScore, e.InSampleTrades, e.MeetsConstraints, e.Note))];
    }

    // 8 fast periods × 4 slow × 2 stop-losses = 64 combinations; 40 of them refined: 10 random, then batches of 10, each
    // batch planned by the transaction that completes the one before; 8 chunks in all, like the grid.
    private static SweepDefinition Refinement() => Definition() with
    {
        Dimensions =
        [
            new() { Target = "strategy_params.ema_fast", Values = [5, 7, 9, 11, 13, 15, 17, 19] },
            new() { Target = "strategy_params.ema_slow", Min = 20, Max = 50, Step = 10 },
            new() { Target = SweepTargets.StopLoss, Values = [1.5m, 3] },
        ],
        Search = SweepSearch.Tpe,
        Samples = Points,
        InitialSamples = 10,
        BatchSize = 10,
    };

    // 5 fast periods × 4 slow × 2 stop-losses = 40 points in 8 chunks, over three months of 5-minute candles.
    private static SweepDefinition Definition() => new()
    {
        BaseConfig = new BacktestConfig
        {
            Symbol = "BTCUSDT",
            ExchangeName = ExchangeNames.Simulated,
            Timeframe = "5m",
            Start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            End = new DateTime(2024, 4, 1, 0, 0, 0, DateTimeKind.Utc),
            StrategyType = "ema_cross_rsi",
            StrategyParams = JsonDocument.Parse("""{"ema_fast": 9, "ema_slow": 21}""").RootElement,
            Risk = new RiskSettings { InitialCapital = 10_000, PositionSizePerc = 50, TakeProfitPerc = 4, FeeRate = 0.001m },
        },
        Dimensions =
        [
            new() { Target = "strategy_params.ema_fast", Values = [5, 7, 9, 11, 13] },
            new() { Target = "strategy_params.ema_slow", Min = 20, Max = 50, Step = 10 },
            new() { Target = SweepTargets.StopLoss, Values = [1.5m, 3] },
        ],
        Objective = SweepObjective.Sharpe,
        MinTrades = 3,
        InSamplePercent = 70,
    };
}

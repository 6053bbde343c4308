using System.Text.Json;
using AlgoTrade.Core.Backtesting;
using AlgoTrade.Core.Backtesting.Jobs;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Events;
using AlgoTrade.Core.Persistence;
using AlgoTrade.Core.Runtime;
using AlgoTrade.Core.Sweeps;
using AlgoTrade.Core.Trading;
using AlgoTrade.Hosting.Live;
using AlgoTrade.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlgoTrade.Tests.Sweeps;

/// <summary>
/// Refinement (TPE) sweeps on the real database: through the cluster work queue (a database of the test's own, so no
/// other test's node claims the chunks), and chunk by chunk with a recording scheduler to replay lost, repeated and
/// reordered chunks.
/// </summary>
public sealed class SweepRefinementTests : IAsyncLifetime
{
    private static readonly DateTime Start = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private FreshDatabase _database = null!;
    private ServiceProvider _queued = null!;
    private ServiceProvider _recorded = null!;
    private readonly RecordingSweepScheduler _scheduler = new();
    private int _queuedUser;
    private int _recordedUser;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync();
        var settings = new Dictionary<string, string?>(BotFixtures.OfflineBinance) { ["Sweeps:ChunkSize"] = "3", ["Sweeps:MaxActiveSweepsPerUser"] = "10" };
        _queued = CoreServices.ResearchNode(_database.ConnectionString, settings);
        _queuedUser = await BotFixtures.NewUserAsync(_queued, "tpe-queue");
        _recorded = CoreServices.Build(await TestDatabase.SharedAsync(), s =>
        {
            s.AddAlgoTradeBacktests();
            s.AddAlgoTradeSweeps();
            s.AddSingleton<ISweepChunkScheduler>(_scheduler);
        }, settings);
        _recordedUser = await BotFixtures.NewUserAsync(_recorded, "tpe-chunks");
    }

    public async Task DisposeAsync()
    {
        await _recorded.DisposeAsync();
        await _queued.DisposeAsync();
        await _database.DisposeAsync();
    }

    // 10 × 8 × 5 = 400 combinations; a budget of 20: 8 random, then batches of 5, 5 and the last 2.
    private static SweepDefinition Definition(int seed = 4) => new()
    {
        BaseConfig = new BacktestConfig
        {
            Symbol = "BTCUSDT", ExchangeName = ExchangeNames.Simulated, Timeframe = "1h", Start = Start, End = Start.AddDays(60),
            StrategyType = "ema_cross_rsi",
            StrategyParams = JsonDocument.Parse("""{"ema_fast": 9, "ema_slow": 40, "rsi_period": 14, "rsi_overbought": 70}""").RootElement,
            Risk = new RiskSettings { InitialCapital = 10_000, PositionSizePerc = 100, FeeRate = 0.001m },
        },
        Dimensions =
        [
            new() { Target = "strategy_params.ema_fast", Min = 3, Max = 30, Step = 3 },
            new() { Target = "strategy_params.ema_slow", Values = [40, 50, 60, 70, 80, 90, 100, 110] },
            new() { Target = "stop_loss_perc", Min = 1, Max = 5, Step = 1 },
        ],
        Search = SweepSearch.Tpe,
        Samples = 20,
        InitialSamples = 8,
        BatchSize = 5,
        Seed = seed,
        Objective = SweepObjective.TotalReturn,
        MinTrades = 3,
    };

    private static async Task<List<SweepEvaluation>> RowsAsync(AlgoTradeDbContext db, Guid id) =>
        await db.SweepEvaluations.AsNoTracking().Where(e => e.SweepId == id).OrderBy(e => e.PointIndex).ToListAsync();

    private static string Point(SweepEvaluation row) => string.Join(",", SweepJson.ReadParams(row.Params).OrderBy(p => p.Key).Select(p => $"{p.Key}={p.Value}"));

    [Fact]
    public async Task A_refinement_on_the_work_queue_completes_with_exactly_its_budget_of_distinct_points_and_replays_with_its_seed()
    {
        var sweeps = _queued.GetRequiredService<SweepService>();
        var first = await sweeps.CreateAsync(_queuedUser, Definition());
        Assert.True(first.Succeeded, string.Join(" ", first.Errors.SelectMany(e => e.Value)));
        // Only the initial batch is queued at first: 8 points in chunks of 3.
        await using (var db = TestDatabase.CreateContext(_database.ConnectionString))
            Assert.Equal(3, await db.WorkItems.CountAsync(w => w.JobId == first.SweepId));
        await WorkQueueDrain.UntilFinishedAsync(_queued, first.SweepId!.Value);

        var sweep = (await sweeps.GetAsync(_queuedUser, first.SweepId.Value))!;
        Assert.True(sweep.Status == SweepStatus.Completed, sweep.ErrorMessage);
        Assert.Equal((20L, 20L), (sweep.TotalPoints, sweep.EvaluatedPoints));
        await using var check = TestDatabase.CreateContext(_database.ConnectionString);
        var rows = await RowsAsync(check, first.SweepId.Value);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => (long)i), rows.Select(r => r.PointIndex));
        Assert.Equal(20, rows.Select(Point).Distinct().Count());
        // 8 + 5 + 5 + 2 points: 3 + 2 + 2 + 1 chunks, every one done.
        var items = await check.WorkItems.AsNoTracking().Where(w => w.JobId == first.SweepId).ToListAsync();
        Assert.Equal(8, items.Count);
        Assert.All(items, w => Assert.Equal(AlgoTrade.Core.WorkQueue.WorkItemStatus.Done, w.Status));
        // The best point is the best qualifying one stored, and "backtest this one" rebuilds a proposed point's config.
        var best = rows.Where(r => r.MeetsConstraints && r.InSampleScore != null).OrderByDescending(r => r.InSampleScore).ThenBy(r => r.PointIndex).First();
        Assert.Equal(best.PointIndex, sweep.Best!.PointIndex);
        var proposed = rows[^1];
        var config = (await sweeps.PointConfigAsync(_queuedUser, sweep.Id, proposed.PointIndex))!;
        Assert.Equal(SweepJson.ReadParams(proposed.Params)["strategy_params.ema_fast"], config.StrategyParams.GetProperty("ema_fast").GetDecimal());
        Assert.Equal(SweepJson.ReadParams(proposed.Params)["stop_loss_perc"], config.Risk.StopLossPerc);

        // The same definition and seed propose the same points and score them the same.
        var second = await sweeps.CreateAsync(_queuedUser, Definition());
        await WorkQueueDrain.UntilFinishedAsync(_queued, second.SweepId!.Value);
        var replay = await RowsAsync(check, second.SweepId.Value);
        Assert.Equal(rows.Select(Point), replay.Select(Point));
        Assert.Equal(rows.Select(r => r.InSampleScore), replay.Select(r => r.InSampleScore));
    }

    [Fact]
    public async Task Lost_repeated_and_reordered_chunks_plan_each_batch_once_and_the_same_points()
    {
        var sweeps = _recorded.GetRequiredService<SweepService>();
        var runner = _recorded.GetRequiredService<SweepChunkRunner>();
        var inOrder = (await sweeps.CreateAsync(_recordedUser, Definition(seed: 9))).SweepId!.Value;
        var shuffled = (await sweeps.CreateAsync(_recordedUser, Definition(seed: 9))).SweepId!.Value;
        List<SweepChunk> Chunks(Guid id) => [.. _scheduler.Chunks.Where(c => c.SweepId == id).Select(c => c.Chunk)];
        Task RunAsync(Guid id, SweepChunk chunk, Func<AlgoTradeDbContext, CancellationToken, Task<bool>>? commit = null) =>
            runner.RunAsync(id, _recordedUser, chunk, commit, CancellationToken.None);

        // In order, each chunk once.
        for (var i = 0; i < Chunks(inOrder).Count; i++) await RunAsync(inOrder, Chunks(inOrder)[i]);

        // Reversed within each batch; the batch's last chunk first lost (its node's claim taken over: nothing written,
        // nothing planned), then run twice (a re-run after its commit writes and plans nothing more).
        var done = 0;
        while (done < Chunks(shuffled).Count)
        {
            var batch = Chunks(shuffled).Skip(done).ToList();
            done += batch.Count;
            await RunAsync(shuffled, batch[0], (_, _) => Task.FromResult(false));
            Assert.Equal(done, Chunks(shuffled).Count);
            foreach (var chunk in Enumerable.Reverse(batch)) await RunAsync(shuffled, chunk);
            var planned = Chunks(shuffled).Count;
            await RunAsync(shuffled, batch[0]);
            Assert.Equal(planned, Chunks(shuffled).Count);
        }

        Assert.Equal(8, Chunks(inOrder).Count);
        Assert.Equal(Chunks(inOrder).Select(c => (c.From, c.Count)), Chunks(shuffled).Select(c => (c.From, c.Count)));
        Assert.Equal(Chunks(inOrder).Select(c => c.Points is null ? "" : string.Join(";", c.Points.Select(p => string.Join(",", p)))),
            Chunks(shuffled).Select(c => c.Points is null ? "" : string.Join(";", c.Points.Select(p => string.Join(",", p)))));
        await using var db = await TestDatabase.SharedContextAsync();
        var a = await RowsAsync(db, inOrder);
        var b = await RowsAsync(db, shuffled);
        Assert.Equal(20, a.Count);
        Assert.Equal(20, a.Select(Point).Distinct().Count());
        Assert.Equal(a.Select(Point), b.Select(Point));
        Assert.Equal(a.Select(r => r.InSampleScore), b.Select(r => r.InSampleScore));
        Assert.Equal(SweepStatus.Completed, (await sweeps.GetAsync(_recordedUser, shuffled))!.Status);
    }
}

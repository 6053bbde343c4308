using System.Text.Json;
using AlgoTrade.Core.Backtesting;
using AlgoTrade.Core.Backtesting.Jobs;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Sweeps;
using AlgoTrade.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlgoTrade.Tests.Sweeps;

/// <summary>SweepService and the chunk runner on the real database, chunks run in-process by the test.</summary>
public class SweepServiceTests : IAsyncLifetime
{
    private static readonly DateTime Start = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime End = new(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc);

    private readonly RecordingSweepScheduler _scheduler = new();
    private ServiceProvider _services = default!;
    private SweepService _sweeps = default!;
    private SweepChunkRunner _runner = default!;
    private int _alice;
    private int _mallory;

    public async Task InitializeAsync()
    {
        var connection = await TestDatabase.SharedAsync();
        var settings = new Dictionary<string, string?>(BotFixtures.OfflineBinance) { ["Sweeps:ChunkSize"] = "5", ["Sweeps:MaxEvaluationsPerSweep"] = "1000" };
        _services = CoreServices.Build(connection, s =>
        {
            s.AddAlgoTradeBacktests();
            s.AddAlgoTradeSweeps();
            s.AddSingleton<ISweepChunkScheduler>(_scheduler);
        }, settings);
        _sweeps = _services.GetRequiredService<SweepService>();
        _runner = _services.GetRequiredService<SweepChunkRunner>();
        _alice = await BotFixtures.NewUserAsync(_services, "sw-alice");
        _mallory = await BotFixtures.NewUserAsync(_services, "sw-mallory");
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private static SweepDefinition Definition(string exchange = ExchangeNames.Simulated) => new()
    {
        BaseConfig = new BacktestConfig
        {
            Symbol = "BTCUSDT",
            ExchangeName = exchange,
            Timeframe = "1h",
            Start = Start,
            End = End,
            StrategyType = "ema_cross_rsi",
            StrategyParams = JsonDocument.Parse("""{"ema_fast": 9, "ema_slow": 21}""").RootElement,
            Risk = new AlgoTrade.Core.Trading.RiskSettings { InitialCapital = 10_000, PositionSizePerc = 100, FeeRate = 0.001m },
        },
        Dimensions =
        [
            new() { Target = "strategy_params.ema_fast", Values = [5, 9, 13] },
            new() { Target = "strategy_params.ema_slow", Min = 20, Max = 50, Step = 10 },
        ],
        Objective = SweepObjective.TotalReturn,
        MinTrades = 1,
    };

    private async Task<Guid> CreateAsync(int userId, SweepDefinition definition)
    {
        var created = await _sweeps.CreateAsync(userId, definition);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.SelectMany(e => e.Value)));
        return created.SweepId!.Value;
    }

    private Task RunChunkAsync(Guid sweepId, int index)
    {
        var (id, userId, chunk) = _scheduler.Chunks.Where(c => c.SweepId == sweepId).ElementAt(index);
        return _runner.RunAsync(id, userId, chunk, null, CancellationToken.None);
    }

    [Fact]
    public async Task Chunks_fill_the_sweep_once_each_and_the_last_one_completes_it()
    {
        var id = await CreateAsync(_alice, Definition());
        Assert.Equal([new SweepChunk(0, 5), new SweepChunk(5, 5), new SweepChunk(10, 2)], _scheduler.Chunks.Where(c => c.SweepId == id).Select(c => c.Chunk));
        var pending = await _sweeps.GetAsync(_alice, id);
        Assert.Equal((SweepStatus.Pending, 12L, 0L), (pending!.Status, pending.TotalPoints, pending.EvaluatedPoints));

        await RunChunkAsync(id, 1);
        var running = await _sweeps.GetAsync(_alice, id);
        Assert.Equal((SweepStatus.Running, 5L), (running!.Status, running.EvaluatedPoints));

        // A reclaimed chunk (its node died after committing) runs again: nothing is written twice.
        await RunChunkAsync(id, 1);
        await RunChunkAsync(id, 2);
        await RunChunkAsync(id, 0);
        var done = await _sweeps.GetAsync(_alice, id);
        Assert.Equal((SweepStatus.Completed, 12L), (done!.Status, done.EvaluatedPoints));
        Assert.NotNull(done.CompletedAt);

        await using var db = await TestDatabase.SharedContextAsync();
        var rows = await db.SweepEvaluations.AsNoTracking().Where(e => e.SweepId == id).OrderBy(e => e.PointIndex).ToListAsync();
        Assert.Equal(Enumerable.Range(0, 12).Select(i => (long)i), rows.Select(r => r.PointIndex));

        // The stored scores are the ones the engine computes over the same candles.
        var definition = Definition();
        var plan = SweepPlanner.Plan(definition, 1000).Plan!;
        var candles = await _services.GetRequiredService<BacktestCandleLoader>().LoadAsync(ExchangeNames.Simulated, "BTCUSDT", plan.Timeframe, Start, End, default);
        var expected = SweepEvaluator.Evaluate(plan, SweepData.Prepare(definition, candles), 0, 12);
        Assert.Equal(expected.Select(e => e.InSampleScore), rows.Select(r => r.InSampleScore));
        Assert.Equal(expected.Select(e => e.OutOfSampleScore), rows.Select(r => r.OutOfSampleScore));
        Assert.Equal(new Dictionary<string, decimal> { ["strategy_params.ema_fast"] = 9, ["strategy_params.ema_slow"] = 40 }, SweepJson.ReadParams(rows[6].Params));
        var best = SweepEvaluator.Best(expected)!;
        Assert.Equal((best.PointIndex, best.InSampleScore, best.OutOfSampleScore), (done.Best!.PointIndex, done.Best.InSampleScore, done.Best.OutOfSampleScore));

        // Once complete, a late duplicate chunk does nothing.
        await RunChunkAsync(id, 0);
        Assert.Equal(12, await db.SweepEvaluations.CountAsync(e => e.SweepId == id));
    }

    [Fact]
    public async Task A_chunk_whose_work_item_was_lost_to_another_node_writes_nothing()
    {
        var id = await CreateAsync(_alice, Definition());
        var (sweepId, userId, chunk) = _scheduler.Chunks.Where(c => c.SweepId == id).ElementAt(1);
        // What WorkItemContext.TryCompleteAsync answers a node that comes back after its lease ran out and another node claimed the item.
        var asked = 0;
        await _runner.RunAsync(sweepId, userId, chunk, (_, _) => { asked++; return Task.FromResult(false); }, CancellationToken.None);

        Assert.Equal(1, asked);
        await using var db = await TestDatabase.SharedContextAsync();
        Assert.Equal(0, await db.SweepEvaluations.CountAsync(e => e.SweepId == id));
        var sweep = await _sweeps.GetAsync(_alice, id);
        Assert.Equal((0L, null), (sweep!.EvaluatedPoints, sweep.Best));
    }

    [Fact]
    public async Task Results_page_sorts_on_the_server_and_belong_to_their_owner_only()
    {
        var id = await CreateAsync(_alice, Definition());
        for (var i = 0; i < 3; i++) await RunChunkAsync(id, i);

        var page = await _sweeps.EvaluationsAsync(_alice, id, SweepEvaluationSort.InSampleScore, descending: true, page: 0, pageSize: 5);
        Assert.Equal(12, page.Total);
        Assert.Equal(5, page.Items.Count);
        var all = await _sweeps.EvaluationsAsync(_alice, id, SweepEvaluationSort.InSampleScore, descending: true, page: 0, pageSize: 50);
        var scores = all.Items.Where(r => r.InSampleScore is not null).Select(r => r.InSampleScore!.Value).ToList();
        Assert.Equal(scores.OrderByDescending(s => s), scores);
        Assert.Equal(all.Items.Take(5).Select(r => r.PointIndex), page.Items.Select(r => r.PointIndex));
        var second = await _sweeps.EvaluationsAsync(_alice, id, SweepEvaluationSort.InSampleScore, descending: true, page: 1, pageSize: 5);
        Assert.Equal(all.Items.Skip(5).Take(5).Select(r => r.PointIndex), second.Items.Select(r => r.PointIndex));
        Assert.NotNull(page.Items[0].InSample);

        var config = await _sweeps.PointConfigAsync(_alice, id, page.Items[0].PointIndex);
        Assert.Equal(page.Items[0].Params["strategy_params.ema_fast"], config!.StrategyParams.GetProperty("ema_fast").GetDecimal());

        Assert.Null(await _sweeps.GetAsync(_mallory, id));
        Assert.Equal(0, (await _sweeps.EvaluationsAsync(_mallory, id, SweepEvaluationSort.PointIndex, false, 0, 50)).Total);
        Assert.Empty(await _sweeps.ScoresAsync(_mallory, id, []));
        Assert.Null(await _sweeps.PointConfigAsync(_mallory, id, 0));
        Assert.False(await _sweeps.DeleteAsync(_mallory, id));
        Assert.True(await _sweeps.DeleteAsync(_alice, id));
        await using var db = await TestDatabase.SharedContextAsync();
        Assert.Equal(0, await db.SweepEvaluations.CountAsync(e => e.SweepId == id));
    }

    [Fact]
    public async Task Bad_definitions_are_rejected_with_their_messages_and_save_nothing()
    {
        var user = await BotFixtures.NewUserAsync(_services, "sw-bad");
        var tooMany = await _sweeps.CreateAsync(user, Definition() with
        {
            Dimensions = [new() { Target = "strategy_params.ema_fast", Min = 2, Max = 101, Step = 1 }, new() { Target = "stop_loss_perc", Min = 1, Max = 20, Step = 1 }],
        });
        Assert.Equal(["This grid has 2,000 combinations; at most 1,000 are allowed per sweep. Narrow the ranges, take larger steps or use random search."], tooMany.Errors["dimensions"]);

        var noExchange = await _sweeps.CreateAsync(user, Definition() with { BaseConfig = Definition().BaseConfig with { ExchangeName = null, Start = null } });
        Assert.Equal(["Pick the exchange whose history to sweep on."], noExchange.Errors["base_config.exchange_name"]);
        Assert.Equal(["Start is required to fetch history from an exchange."], noExchange.Errors["base_config.start"]);

        var outOfLimits = await _sweeps.CreateAsync(user, Definition() with { Dimensions = [new() { Target = "strategy_params.ema_fast", Values = [1, 600] }] });
        Assert.Equal(["Fast EMA period must be at least 2 and at most 500 (got 1).", "Fast EMA period must be at least 2 and at most 500 (got 600)."],
            outOfLimits.Errors["dimensions[0].values"]);

        await using var db = await TestDatabase.SharedContextAsync();
        Assert.Equal(0, await db.Sweeps.CountAsync(s => s.UserId == user));
        Assert.DoesNotContain(_scheduler.Chunks, c => c.UserId == user);

        // Two active sweeps at most per user (the default option).
        await CreateAsync(user, Definition());
        await CreateAsync(user, Definition());
        var third = await _sweeps.CreateAsync(user, Definition());
        Assert.Equal(["You already have 2 sweeps waiting or running (at most 2 at once); wait for one to finish or delete one."], third.Errors[SweepService.SweepField]);
        Assert.Equal(2, await db.Sweeps.CountAsync(s => s.UserId == user));
    }

    [Fact]
    public async Task A_period_whose_candles_cannot_be_fetched_fails_the_sweep_with_the_reason()
    {
        var id = await CreateAsync(_alice, Definition(ExchangeNames.Binance));
        await RunChunkAsync(id, 0);
        var failed = await _sweeps.GetAsync(_alice, id);
        Assert.Equal(SweepStatus.Failed, failed!.Status);
        Assert.StartsWith("binance did not deliver BTCUSDT 1h candles from 2024-01-01 00:00 UTC", failed.ErrorMessage, StringComparison.OrdinalIgnoreCase);
        // The other chunks find the sweep failed and write nothing.
        await RunChunkAsync(id, 1);
        await using var db = await TestDatabase.SharedContextAsync();
        Assert.Equal(0, await db.SweepEvaluations.CountAsync(e => e.SweepId == id));
    }
}

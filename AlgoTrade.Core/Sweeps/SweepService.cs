using System.Linq.Expressions;
using System.Text.Json;
using AlgoTrade.Core.Admin;
using AlgoTrade.Core.Backtesting;
using AlgoTrade.Core.Backtesting.Jobs;
using AlgoTrade.Core.Candles;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Exchanges.Simulated;
using AlgoTrade.Core.Market;
using AlgoTrade.Core.Persistence;
using AlgoTrade.Core.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlgoTrade.Core.Sweeps;

/// <summary>
/// A trader's sweeps: create (validated, then split into chunks on the work queue), list, read results, delete.
/// Every query filters by the owner; another user's sweep is indistinguishable from a missing one.
/// </summary>
public sealed class SweepService(
    IDbContextFactory<AlgoTradeDbContext> dbFactory,
    ISweepChunkScheduler scheduler,
    IOptions<SweepOptions> options,
    TimeProvider clock,
    ILogger<SweepService> logger)
{
    public const string SweepField = "sweep";

    public long MaxEvaluations => options.Value.MaxEvaluationsPerSweep;

    /// <summary>Checks the definition (nothing is saved when anything is wrong), stores the sweep and queues its chunks.</summary>
    public async Task<SweepCreateResult> CreateAsync(int userId, SweepDefinition definition, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        definition = definition with { BaseConfig = definition.BaseConfig with { End = definition.BaseConfig.End ?? now } };
        var planned = SweepPlanner.Plan(definition, options.Value.MaxEvaluationsPerSweep);
        var e = new ValidationErrors();
        e.AddAll(planned.Errors);
        BacktestJobService.CheckExchangePeriod(definition.BaseConfig, Timeframe.TryParse(definition.BaseConfig.Timeframe, out var timeframe) ? timeframe : null,
            now, e, "base_config.", "Pick the exchange whose history to sweep on.");
        if (!e.IsEmpty) return SweepCreateResult.Invalid(e.ToDictionary());
        var plan = planned.Plan!;

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // One user's submits queue behind each other so two at once cannot both pass the limit.
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock({LimitLockSpace}, {userId})", ct);
        var active = await db.Sweeps.CountAsync(s => s.UserId == userId && (s.Status == SweepStatus.Pending || s.Status == SweepStatus.Running), ct);
        if (active >= options.Value.MaxActiveSweepsPerUser)
        {
            e.Add(SweepField, $"You already have {active} sweeps waiting or running (at most {options.Value.MaxActiveSweepsPerUser} at once); wait for one to finish or delete one.");
            return SweepCreateResult.Invalid(e.ToDictionary());
        }
        var sweep = new Sweep
        {
            Id = Guid.CreateVersion7(),
            UserId = userId,
            Status = SweepStatus.Pending,
            Definition = SweepJson.WriteDefinition(definition),
            TotalPoints = plan.Count,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Sweeps.Add(sweep);
        // A refinement queues its initial batch; each later batch is queued when the one before it is complete.
        var chunks = SweepChunk.Split(plan.Space.IndexedCount, Math.Max(1, options.Value.ChunkSize));
        scheduler.Schedule(db, sweep, chunks);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        logger.LogInformation("User {UserId} queued sweep {SweepId}: {PointCount} points of {Strategy} on {Symbol} {Timeframe} in {ChunkCount} chunks",
            userId, sweep.Id, plan.Count, definition.BaseConfig.StrategyType, definition.BaseConfig.Symbol, definition.BaseConfig.Timeframe, chunks.Count);
        return SweepCreateResult.Ok(sweep.Id);
    }

    // pg_advisory_xact_lock(int, int) key space: "SW" in ASCII.
    private const int LimitLockSpace = 0x5357;

    public async Task<PagedResult<SweepRow>> ListAsync(int userId, int page, int pageSize, CancellationToken ct = default)
    {
        pageSize = Math.Clamp(pageSize, 1, 100);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var mine = db.Sweeps.AsNoTracking().Where(s => s.UserId == userId);
        var total = await mine.CountAsync(ct);
        var rows = await mine.OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id)
            .Skip(Math.Max(0, page) * pageSize).Take(pageSize).ToListAsync(ct);
        return new PagedResult<SweepRow>([.. rows.Select(s =>
        {
            var d = SweepJson.ReadDefinition(s.Definition);
            var best = s.Best?.RootElement.Deserialize<SweepBest>(BacktestJson.Options);
            return new SweepRow(s.Id, s.Status, d.BaseConfig.Symbol, d.BaseConfig.Timeframe, d.BaseConfig.StrategyType, d.Objective,
                s.TotalPoints, s.EvaluatedPoints, best?.InSampleScore, s.CreatedAt, s.ErrorMessage);
        })], total);
    }

    public async Task<SweepDetail?> GetAsync(int userId, Guid sweepId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var s = await db.Sweeps.AsNoTracking().SingleOrDefaultAsync(x => x.Id == sweepId && x.UserId == userId, ct);
        if (s is null) return null;
        var definition = SweepJson.ReadDefinition(s.Definition);
        var available = SweepTargets.For(definition.BaseConfig);
        var targets = definition.Dimensions.Select(d => available.First(t => t.Key == d.Target)).ToList();
        return new SweepDetail(s.Id, s.Status, definition, targets, s.TotalPoints, s.EvaluatedPoints,
            s.Best?.RootElement.Deserialize<SweepBest>(BacktestJson.Options), s.ErrorMessage, s.CreatedAt, s.UpdatedAt, s.CompletedAt)
        {
            DataGaps = s.DataGaps?.RootElement.Deserialize<CandleGapReport>(BacktestJson.Options),
        };
    }

    /// <summary>A page of evaluations, sorted server-side; points without a score sort last either way.</summary>
    public async Task<PagedResult<SweepEvaluationRow>> EvaluationsAsync(int userId, Guid sweepId, SweepEvaluationSort sort, bool descending,
        int page, int pageSize, CancellationToken ct = default)
    {
        pageSize = Math.Clamp(pageSize, 1, 200);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = db.SweepEvaluations.AsNoTracking().Where(e => e.SweepId == sweepId && e.Sweep!.UserId == userId);
        var total = await rows.CountAsync(ct);
        IOrderedQueryable<SweepEvaluation> ordered = sort switch
        {
            SweepEvaluationSort.InSampleScore => Then(rows.OrderBy(e => e.InSampleScore == null), e => e.InSampleScore, descending),
            SweepEvaluationSort.OutOfSampleScore => Then(rows.OrderBy(e => e.OutOfSampleScore == null), e => e.OutOfSampleScore, descending),
            SweepEvaluationSort.InSampleTrades => Then(rows.OrderBy(e => e.InSampleTrades == null), e => e.InSampleTrades, descending),
            _ => descending ? rows.OrderByDescending(e => e.PointIndex) : rows.OrderBy(e => e.PointIndex),
        };
        var page0 = await ordered.ThenBy(e => e.PointIndex).Skip(Math.Max(0, page) * pageSize).Take(pageSize).ToListAsync(ct);
        return new PagedResult<SweepEvaluationRow>([.. page0.Select(e => new SweepEvaluationRow(
            e.PointIndex, SweepJson.ReadParams(e.Params), e.InSampleScore, e.OutOfSampleScore,
            e.InSample?.RootElement.Deserialize<SweepMetrics>(BacktestJson.Options),
            e.OutOfSample?.RootElement.Deserialize<SweepMetrics>(BacktestJson.Options),
            e.MeetsConstraints, e.Note))], total);
    }

    private static IOrderedQueryable<SweepEvaluation> Then<TKey>(IOrderedQueryable<SweepEvaluation> query, Expression<Func<SweepEvaluation, TKey>> key, bool descending) =>
        descending ? query.ThenByDescending(key) : query.ThenBy(key);

    /// <summary>Every evaluated point's values (in dimension order) and in-sample score, for the heatmap and importance.</summary>
    public async Task<IReadOnlyList<SweepPointResult>> ScoresAsync(int userId, Guid sweepId, IReadOnlyList<SweepTarget> targets, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await SweepPointScores.ReadAsync(db.SweepEvaluations.Where(e => e.SweepId == sweepId && e.Sweep!.UserId == userId), targets, ct);
    }

    /// <summary>The full backtest config of one point ("backtest this one", "create a bot from this one"); null when the sweep or point does not exist.</summary>
    public async Task<BacktestConfig?> PointConfigAsync(int userId, Guid sweepId, long pointIndex, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var s = await db.Sweeps.AsNoTracking().SingleOrDefaultAsync(x => x.Id == sweepId && x.UserId == userId, ct);
        if (s is null || pointIndex < 0 || pointIndex >= s.TotalPoints) return null;
        var plan = SweepPlanner.Plan(SweepJson.ReadDefinition(s.Definition), long.MaxValue).Plan;
        if (plan is null) return null;
        if (pointIndex < plan.Space.IndexedCount) return plan.ConfigFor(pointIndex);
        // A refinement's later points exist once proposed and evaluated: their values are in the evaluation.
        var stored = await db.SweepEvaluations.AsNoTracking().Where(e => e.SweepId == sweepId && e.PointIndex == pointIndex)
            .Select(e => e.Params).SingleOrDefaultAsync(ct);
        return stored is null ? null : plan.ConfigFor(SweepJson.ReadValues(stored, plan.Targets));
    }

    /// <summary>Deletes the sweep and its evaluations; chunks still queued find it gone and do nothing.</summary>
    public async Task<bool> DeleteAsync(int userId, Guid sweepId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var deleted = await db.Sweeps.Where(s => s.Id == sweepId && s.UserId == userId).ExecuteDeleteAsync(ct);
        if (deleted > 0) logger.LogInformation("User {UserId} deleted sweep {SweepId}", userId, sweepId);
        return deleted > 0;
    }
}

using System.Text.Json;
using AlgoTrade.Core.Backtesting;
using AlgoTrade.Core.Backtesting.Jobs;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlgoTrade.Core.Sweeps;

/// <summary>
/// Runs one chunk of a sweep: evaluates its points on this node's cores over the sweep's cached candles, then in one
/// transaction (the sweep row locked) writes the evaluations not written yet, the gaps of the sweep's data (once), recounts progress, updates the best
/// point and completes the sweep when every point is in. A chunk run twice (its node died after committing) writes
/// nothing twice. A data problem (no candles) fails the whole sweep with the message; its other chunks then do nothing.
/// </summary>
public sealed class SweepChunkRunner(
    IDbContextFactory<AlgoTradeDbContext> dbFactory,
    SweepDataCache cache,
    ISweepChunkScheduler scheduler,
    IOptions<SweepOptions> options,
    TimeProvider clock,
    ILogger<SweepChunkRunner> logger)
{
    /// <summary>
    /// <paramref name="commit"/> runs first inside the writing transaction (the work queue marks its item done there);
    /// false rolls the chunk back (the item was cancelled or taken over by another node).
    /// </summary>
    public async Task RunAsync(Guid sweepId, int userId, SweepChunk chunk, Func<AlgoTradeDbContext, CancellationToken, Task<bool>>? commit, CancellationToken ct)
    {
        SweepDefinition definition;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var sweep = await db.Sweeps.SingleOrDefaultAsync(s => s.Id == sweepId && s.UserId == userId, ct);
            if (sweep is null || !SweepStatus.IsActive(sweep.Status))
            {
                logger.LogInformation("Sweep {SweepId} chunk at {From} skipped: the sweep is gone or finished", sweepId, chunk.From);
                if (commit is not null) await CommitNothingAsync(db, commit, ct);
                return;
            }
            definition = SweepJson.ReadDefinition(sweep.Definition);
            if (sweep.Status == SweepStatus.Pending)
            {
                sweep.Status = SweepStatus.Running;
                sweep.UpdatedAt = clock.GetUtcNow().UtcDateTime;
                await db.SaveChangesAsync(ct);
            }
        }

        SweepPointResult[] results;
        try
        {
            var plan = SweepPlanner.Plan(definition, long.MaxValue);
            if (!plan.IsValid)
                throw new BacktestDataException("The stored definition is no longer valid: " + string.Join(" ", Validation.ValidationErrors.Describe(plan.Errors)));
            var limit = chunk.Points is null ? plan.Plan!.Space.IndexedCount : plan.Plan!.Count;
            if (chunk.From < 0 || chunk.Count < 1 || chunk.From + chunk.Count > limit)
                throw new BacktestDataException($"Chunk {chunk.From}+{chunk.Count} is outside the sweep's {limit} points.");
            if (chunk.Points is { } carried && (carried.Count != chunk.Count || carried.Any(p => p.Length != plan.Plan.Targets.Count)))
                throw new BacktestDataException($"Chunk {chunk.From}+{chunk.Count} carries {carried.Count} points that do not fit the sweep's {plan.Plan.Targets.Count} parameters.");
            var data = await cache.GetAsync(sweepId, definition, ct);
            Runtime.CrashPoint.Reached(Runtime.CrashPoint.SweepChunkEvaluating);
            var parallelism = options.Value.MaxParallelism > 0 ? options.Value.MaxParallelism : Environment.ProcessorCount;
            results = await Task.Run(() => chunk.Points is { } points
                ? SweepEvaluator.Evaluate(plan.Plan, data, chunk.From, points, parallelism, ct)
                : SweepEvaluator.Evaluate(plan.Plan, data, chunk.From, chunk.Count, parallelism, ct), ct);
            await WriteAsync(sweepId, plan.Plan, data, results, commit, ct);
        }
        catch (BacktestDataException ex)
        {
            cache.Forget(sweepId);
            await FailAsync(sweepId, ex.Message, commit);
            logger.LogInformation("Sweep {SweepId} failed: {Reason}", sweepId, ex.Message);
        }
    }

    private static async Task CommitNothingAsync(AlgoTradeDbContext db, Func<AlgoTradeDbContext, CancellationToken, Task<bool>> commit, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await commit(db, ct)) await tx.CommitAsync(ct);
    }

    private async Task WriteAsync(Guid sweepId, SweepPlan plan, SweepData data, SweepPointResult[] results, Func<AlgoTradeDbContext, CancellationToken, Task<bool>>? commit, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (commit is not null && !await commit(db, ct)) return;
        var sweep = await db.Sweeps.FromSql($"SELECT * FROM sweeps WHERE id = {sweepId} FOR UPDATE").SingleOrDefaultAsync(ct);
        if (sweep is null || !SweepStatus.IsActive(sweep.Status))
        {
            await tx.CommitAsync(ct);
            return;
        }
        var from = results.Length > 0 ? results[0].PointIndex : 0;
        var to = from + results.Length;
        var written = await db.SweepEvaluations.Where(e => e.SweepId == sweepId && e.PointIndex >= from && e.PointIndex < to)
            .Select(e => e.PointIndex).ToListAsync(ct);
        var skip = written.ToHashSet();
        var inserted = 0;
        foreach (var r in results.Where(r => !skip.Contains(r.PointIndex)))
        {
            db.SweepEvaluations.Add(ToRow(sweepId, plan, r));
            inserted++;
        }
        await db.SaveChangesAsync(ct);
        Runtime.CrashPoint.Reached(Runtime.CrashPoint.SweepChunkWriting);

        var now = clock.GetUtcNow().UtcDateTime;
        // Every chunk read the same candles; the first to commit stores their gaps for the whole sweep.
        if (sweep.DataGaps is null && data.Gaps is { } gaps)
            sweep.DataGaps = JsonDocument.Parse(BacktestJson.Serialize(gaps));
        sweep.EvaluatedPoints = await db.SweepEvaluations.LongCountAsync(e => e.SweepId == sweepId, ct);
        var best = await db.SweepEvaluations.AsNoTracking()
            .Where(e => e.SweepId == sweepId && e.MeetsConstraints && e.InSampleScore != null)
            .OrderByDescending(e => e.InSampleScore).ThenBy(e => e.PointIndex)
            .FirstOrDefaultAsync(ct);
        sweep.Best = best is null ? null : JsonDocument.Parse(BacktestJson.Serialize(
            new SweepBest(best.PointIndex, SweepJson.ReadParams(best.Params), best.InSampleScore, best.OutOfSampleScore)));
        sweep.UpdatedAt = now;
        if (sweep.EvaluatedPoints >= sweep.TotalPoints)
        {
            sweep.Status = SweepStatus.Completed;
            sweep.CompletedAt = now;
        }
        // The row lock makes this the only transaction that sees this batch complete; a re-run inserts nothing and plans nothing.
        if (inserted > 0 && SweepRefinement.NeedsNextBatch(plan.Definition, sweep.EvaluatedPoints, sweep.TotalPoints))
            await ScheduleNextBatchAsync(db, sweep, plan, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        if (sweep.Status == SweepStatus.Completed)
        {
            cache.Forget(sweepId);
            logger.LogInformation("Sweep {SweepId} completed: {PointCount} points, best {BestIndex}", sweepId, sweep.EvaluatedPoints, best?.PointIndex);
        }
    }

    private async Task ScheduleNextBatchAsync(AlgoTradeDbContext db, Sweep sweep, SweepPlan plan, CancellationToken ct)
    {
        var finished = await SweepPointScores.ReadAsync(db.SweepEvaluations.Where(e => e.SweepId == sweep.Id), plan.Targets, ct);
        var points = SweepRefinement.NextBatch(plan, finished);
        var chunks = SweepChunk.Split(finished.Count, points, Math.Max(1, options.Value.ChunkSize));
        scheduler.Schedule(db, sweep, chunks);
        logger.LogInformation("Sweep {SweepId}: {PointCount} points proposed from {FinishedCount} finished ones in {ChunkCount} chunks",
            sweep.Id, points.Count, finished.Count, chunks.Count);
    }

    internal static SweepEvaluation ToRow(Guid sweepId, SweepPlan plan, SweepPointResult r) => new()
    {
        SweepId = sweepId,
        PointIndex = r.PointIndex,
        Params = SweepJson.WriteParams(plan.Targets, r.Values),
        InSample = r.InSample is null ? null : JsonDocument.Parse(BacktestJson.Serialize(r.InSample)),
        OutOfSample = r.OutOfSample is null ? null : JsonDocument.Parse(BacktestJson.Serialize(r.OutOfSample)),
        InSampleScore = Finite(r.InSampleScore),
        OutOfSampleScore = Finite(r.OutOfSampleScore),
        InSampleTrades = r.InSample?.NumberOfTrades,
        MeetsConstraints = r.MeetsConstraints,
        Note = r.Note is { Length: > 2000 } ? r.Note[..2000] : r.Note,
    };

    private static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;

    /// <summary>Marks the sweep failed with <paramref name="message"/> (the work queue gave up on a chunk, or its data is unusable).</summary>
    public async Task FailAsync(Guid sweepId, string message, Func<AlgoTradeDbContext, CancellationToken, Task<bool>>? commit)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        await using var tx = await db.Database.BeginTransactionAsync();
        if (commit is not null && !await commit(db, CancellationToken.None)) return;
        var sweep = await db.Sweeps.FromSql($"SELECT * FROM sweeps WHERE id = {sweepId} FOR UPDATE").SingleOrDefaultAsync();
        if (sweep is not null && SweepStatus.IsActive(sweep.Status))
        {
            sweep.Status = SweepStatus.Failed;
            sweep.ErrorMessage = message.Length > 4000 ? message[..4000] : message;
            sweep.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync();
        }
        await tx.CommitAsync();
    }
}

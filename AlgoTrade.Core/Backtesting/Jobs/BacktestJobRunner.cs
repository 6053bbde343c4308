using System.Runtime.CompilerServices;
using System.Text.Json;
using AlgoTrade.Core.Candles;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Market;
using AlgoTrade.Core.Notifications;
using AlgoTrade.Core.Persistence;
using AlgoTrade.Core.WorkQueue;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AlgoTrade.Core.Backtesting.Jobs;

/// <summary>
/// Runs one claimed backtest: pending → running (with progress) → completed with results, or failed with a message for
/// the trader; either way the owner gets a <c>backtest_finished</c> notification. The outcome commits together with the
/// work item's, and only while this node still holds the item: a cancel or a take-over leaves nothing half-written.
/// </summary>
public sealed class BacktestJobRunner(
    IDbContextFactory<AlgoTradeDbContext> dbFactory,
    BacktestCandleLoader loader,
    INotificationSink notifications,
    TimeProvider clock,
    ILogger<BacktestJobRunner> logger)
{
    private static readonly TimeSpan ProgressWriteInterval = TimeSpan.FromSeconds(1);

    public async Task RunAsync(WorkItemContext item, CancellationToken ct)
    {
        BacktestConfig? config;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var job = await db.BacktestJobs.SingleOrDefaultAsync(j => j.Id == item.JobId && j.UserId == item.UserId, ct);
            // Deleted or cancelled before it was claimed.
            if (job is null || !job.Status.IsActive())
                return;
            config = job.Config.RootElement.Deserialize<BacktestConfig>(BacktestJson.Options);
            job.Status = BacktestJobStatus.Running;
            job.Progress = 0;
            job.StartedAt = clock.GetUtcNow().UtcDateTime;
            job.UpdatedAt = job.StartedAt.Value;
            await db.SaveChangesAsync(ct);
        }
        Runtime.CrashPoint.Reached(Runtime.CrashPoint.BacktestRunning);

        var started = clock.GetTimestamp();
        using var progressStop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var fraction = new StrongBox<double>();
        var progressWriter = WriteProgressAsync(item, fraction, progressStop.Token);
        try
        {
            if (config is null) throw new BacktestDataException("The stored config is empty.");
            var (candles, gaps) = item.ReadPayload<BacktestPayload>(WorkQueue.WorkQueue.PayloadJson).ReadCandles() is { } uploaded
                ? new BacktestCandles(uploaded, UploadedGaps(config, uploaded))
                : await LoadAsync(config, ct);
            // CPU-bound: off the worker slot's thread. The callback stops the run within a few thousand candles of a cancel.
            var result = await Task.Run(() => Results.BacktestChartBuilder.Attach(Backtester.Run(config, candles, (done, total) =>
            {
                ct.ThrowIfCancellationRequested();
                var f = (double)done / total;
                Volatile.Write(ref fraction.Value, f);
                item.Progress.Report(f);
            }), config, candles) with { DataGaps = gaps }, ct);
            await progressStop.CancelAsync();
            await progressWriter;
            if (await FinishAsync(item, config, result.Summary, BacktestJobStatus.Completed, JsonDocument.Parse(BacktestJson.Serialize(result)), null))
                logger.LogInformation("Backtest {JobId} completed on {NodeId}: {CandleCount} candles, {TradeCount} trades in {ElapsedMs} ms",
                    item.JobId, item.NodeId, result.Summary.Candles, result.Summary.NumberOfTrades, (long)clock.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (Exception ex) when (ex is BacktestDataException or ArgumentException)
        {
            await FinishAsync(item, config, null, BacktestJobStatus.Failed, null, ex.Message);
            logger.LogInformation("Backtest {JobId} failed: {Reason}", item.JobId, ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await FinishAsync(item, config, null, BacktestJobStatus.Failed, null, $"Unexpected error: {ex.Message}");
            logger.LogError(ex, "Backtest {JobId} failed unexpectedly", item.JobId);
        }
        finally
        {
            await progressStop.CancelAsync();
            await progressWriter;
        }
    }

    public async Task GiveUpAsync(WorkItemContext item, string reason, CancellationToken ct)
    {
        BacktestConfig? config;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            config = (await db.BacktestJobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == item.JobId, ct))?.Config
                .RootElement.Deserialize<BacktestConfig>(BacktestJson.Options);
        await FinishAsync(item, config, null, BacktestJobStatus.Failed, null, reason);
    }

    private Task<BacktestCandles> LoadAsync(BacktestConfig config, CancellationToken ct)
    {
        if (config.ExchangeName is null || config.Start is null || config.End is null)
            throw new BacktestDataException("The config names no exchange and period to fetch candles for.");
        return loader.LoadWithGapsAsync(config.ExchangeName, config.Symbol, Timeframe.Parse(config.Timeframe), config.Start.Value, config.End.Value, ct);
    }

    /// <summary>Holes in the uploaded file within the period the run selects from it; the file's ends are where its data ends.</summary>
    private static CandleGapReport? UploadedGaps(BacktestConfig config, Candle[] candles) =>
        CandleGapReport.Find(Backtester.SelectRange(candles, config.Start, config.End), Timeframe.Parse(config.Timeframe)) is { GapCount: > 0 } gaps
            ? gaps
            : null;

    /// <summary>The job row's progress, about once a second, for pages that read it (the work item carries it too).</summary>
    private async Task WriteProgressAsync(WorkItemContext item, StrongBox<double> fraction, CancellationToken ct)
    {
        var written = 0.0;
        using var timer = new PeriodicTimer(ProgressWriteInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                var current = Volatile.Read(ref fraction.Value);
                if (current == written) continue;
                await using var db = await dbFactory.CreateDbContextAsync(ct);
                await db.BacktestJobs.Where(j => j.Id == item.JobId && j.Status == BacktestJobStatus.Running)
                    .ExecuteUpdateAsync(s => s.SetProperty(j => j.Progress, current), ct);
                written = current;
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not store the progress of backtest {JobId}", item.JobId);
        }
    }

    /// <summary>Writes the outcome if this node still holds the item; false (nothing written) when it was cancelled or taken over.</summary>
    private async Task<bool> FinishAsync(WorkItemContext item, BacktestConfig? config, BacktestSummary? summary, BacktestJobStatus status,
        JsonDocument? results, string? error)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        await using var tx = await db.Database.BeginTransactionAsync();
        // First: it locks the item row, so a cancel arriving now waits and then finds the item done.
        var held = status == BacktestJobStatus.Completed
            ? await item.TryCompleteAsync(db, CancellationToken.None)
            : await item.TryFailAsync(db, error ?? "failed", CancellationToken.None);
        if (!held)
        {
            logger.LogInformation("Backtest {JobId} was cancelled or taken over while it ran; its outcome is dropped", item.JobId);
            return false;
        }
        var job = await db.BacktestJobs.SingleOrDefaultAsync(j => j.Id == item.JobId && j.UserId == item.UserId);
        if (job is null || !job.Status.IsActive())
        {
            await tx.CommitAsync();
            logger.LogInformation("Backtest {JobId} was deleted or cancelled while it ran; its outcome is dropped", item.JobId);
            return false;
        }
        job.Status = status;
        job.Results = results;
        job.ErrorMessage = error is { Length: > 4000 } ? error[..4000] : error;
        if (status == BacktestJobStatus.Completed) job.Progress = 1;
        job.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        notifications.Notify(item.UserId, NotificationTypes.BacktestFinished,
            BacktestNotifications.Finished(item.JobId, config, summary, status, job.ErrorMessage, job.UpdatedAt));
        return true;
    }
}

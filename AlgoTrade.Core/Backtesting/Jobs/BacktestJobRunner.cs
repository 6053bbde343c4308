using System.Text.Json;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Market;
using AlgoTrade.Core.Notifications;
using AlgoTrade.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AlgoTrade.Core.Backtesting.Jobs;

/// <summary>
/// Runs one queued job: pending → running → completed with results, or failed with a message for the trader; either
/// way the owner gets a <c>backtest_finished</c> notification.
/// </summary>
public sealed class BacktestJobRunner(
    IDbContextFactory<AlgoTradeDbContext> dbFactory,
    BacktestCandleLoader loader,
    INotificationSink notifications,
    TimeProvider clock,
    ILogger<BacktestJobRunner> logger)
{
    public async Task RunAsync(BacktestWorkItem item, CancellationToken ct)
    {
        BacktestConfig? config;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var job = await db.BacktestJobs.SingleOrDefaultAsync(j => j.Id == item.JobId && j.UserId == item.UserId, ct);
            if (job is null || job.Status != BacktestJobStatus.Pending)
                return;
            config = job.Config.RootElement.Deserialize<BacktestConfig>(BacktestJson.Options);
            job.Status = BacktestJobStatus.Running;
            job.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
        }
        Runtime.CrashPoint.Reached(Runtime.CrashPoint.BacktestRunning);

        var started = clock.GetTimestamp();
        try
        {
            if (config is null) throw new BacktestDataException("The stored config is empty.");
            var candles = item.Candles ?? await LoadAsync(config, ct);
            // CPU-bound: off the queue's thread so a long run never holds up anything awaiting on it.
            var result = await Task.Run(() => Results.BacktestChartBuilder.Attach(Backtester.Run(config, candles), config, candles), ct);
            await FinishAsync(item, config, result.Summary, BacktestJobStatus.Completed, JsonDocument.Parse(BacktestJson.Serialize(result)), null, CancellationToken.None);
            logger.LogInformation("Backtest {JobId} completed: {CandleCount} candles, {TradeCount} trades in {ElapsedMs} ms",
                item.JobId, result.Summary.Candles, result.Summary.NumberOfTrades, (long)clock.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await FinishAsync(item, config, null, BacktestJobStatus.Failed, null, "Interrupted because the server stopped; run it again.", CancellationToken.None);
            throw;
        }
        catch (Exception ex) when (ex is BacktestDataException or ArgumentException)
        {
            await FinishAsync(item, config, null, BacktestJobStatus.Failed, null, ex.Message, CancellationToken.None);
            logger.LogInformation("Backtest {JobId} failed: {Reason}", item.JobId, ex.Message);
        }
        catch (Exception ex)
        {
            await FinishAsync(item, config, null, BacktestJobStatus.Failed, null, $"Unexpected error: {ex.Message}", CancellationToken.None);
            logger.LogError(ex, "Backtest {JobId} failed unexpectedly", item.JobId);
        }
    }

    private Task<Candle[]> LoadAsync(BacktestConfig config, CancellationToken ct)
    {
        if (config.ExchangeName is null || config.Start is null || config.End is null)
            throw new BacktestDataException("The config names no exchange and period to fetch candles for.");
        return loader.LoadAsync(config.ExchangeName, config.Symbol, Timeframe.Parse(config.Timeframe), config.Start.Value, config.End.Value, ct);
    }

    private async Task FinishAsync(BacktestWorkItem item, BacktestConfig? config, BacktestSummary? summary, string status, JsonDocument? results,
        string? error, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var job = await db.BacktestJobs.SingleOrDefaultAsync(j => j.Id == item.JobId && j.UserId == item.UserId, ct);
        if (job is null)
        {
            logger.LogInformation("Backtest {JobId} was deleted while it ran; its outcome is dropped", item.JobId);
            return;
        }
        job.Status = status;
        job.Results = results;
        job.ErrorMessage = error is { Length: > 4000 } ? error[..4000] : error;
        job.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        notifications.Notify(item.UserId, NotificationTypes.BacktestFinished,
            BacktestNotifications.Finished(item.JobId, config, summary, status, job.ErrorMessage, job.UpdatedAt));
    }
}

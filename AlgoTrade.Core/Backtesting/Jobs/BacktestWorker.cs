using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlgoTrade.Core.Backtesting.Jobs;

/// <summary>
/// Consumes <see cref="BacktestQueue"/> one job at a time (the machine's cores are shared with the live bots).
/// The queue lives in memory, so jobs left pending or running by an earlier process are marked failed at start.
/// </summary>
public sealed class BacktestWorker(
    BacktestQueue queue,
    BacktestJobRunner runner,
    IDbContextFactory<AlgoTradeDbContext> dbFactory,
    IOptions<BacktestOptions> options,
    TimeProvider clock,
    ILogger<BacktestWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.FailInterruptedJobsAtStartup)
            await FailOrphansAsync(clock.GetUtcNow().UtcDateTime, stoppingToken);
        await foreach (var item in queue.ReadAllAsync(stoppingToken))
        {
            try
            {
                await runner.RunAsync(item, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Backtest {JobId} could not be recorded", item.JobId);
            }
        }
    }

    private async Task FailOrphansAsync(DateTime startedAt, CancellationToken ct)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var failed = await db.BacktestJobs
                .Where(j => (j.Status == BacktestJobStatus.Pending || j.Status == BacktestJobStatus.Running) && j.CreatedAt < startedAt)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(j => j.Status, BacktestJobStatus.Failed)
                    .SetProperty(j => j.ErrorMessage, "Interrupted by a server restart; run it again.")
                    .SetProperty(j => j.UpdatedAt, startedAt), ct);
            if (failed > 0)
                logger.LogWarning("Marked {JobCount} backtests interrupted by the last shutdown as failed", failed);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Could not mark interrupted backtests as failed");
        }
    }
}

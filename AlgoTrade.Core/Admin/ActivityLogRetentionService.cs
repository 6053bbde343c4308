using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlgoTrade.Core.Admin;

/// <summary>Runs <see cref="ActivityLogRetention.ApplyAsync"/> periodically. Several nodes may run it: deletes of the same old rows are idempotent.</summary>
public sealed class ActivityLogRetentionService(
    ActivityLogRetention retention,
    IOptions<AdminOptions> options,
    TimeProvider clock,
    ILogger<ActivityLogRetentionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(options.Value.RetentionStartDelay, clock, stoppingToken);
            using var timer = new PeriodicTimer(options.Value.RetentionInterval, clock);
            do
            {
                try
                {
                    await retention.ApplyAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "Activity log retention run failed; retrying at the next interval");
                }
            } while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}

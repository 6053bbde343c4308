using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlgoTrade.Core.WorkQueue;

/// <summary>
/// <see cref="WorkQueueOptions.EffectiveConcurrency"/> slots, each claiming and running items until none is left, then
/// waiting for a NOTIFY or the poll interval (which is also how an expired lease of a dead node is noticed).
/// </summary>
public sealed class WorkQueueWorker(
    WorkItemRunner runner,
    WorkQueueSignal signal,
    IOptions<WorkQueueOptions> options,
    ILogger<WorkQueueWorker> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (!o.Enabled || !runner.HasHandlers) return Task.CompletedTask;
        logger.LogInformation("Work queue worker {NodeId} runs {Slots} items at once", runner.NodeId, o.EffectiveConcurrency);
        return Task.WhenAll(Enumerable.Range(0, o.EffectiveConcurrency).Select(_ => Task.Run(() => SlotAsync(o.PollInterval, stoppingToken), stoppingToken)));
    }

    private async Task SlotAsync(TimeSpan pollInterval, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var wake = signal.Next;
            try
            {
                if (await runner.TryRunNextAsync(stoppingToken)) continue;
                await wake.WaitAsync(pollInterval, stoppingToken);
            }
            catch (TimeoutException)
            {
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Work queue slot could not claim work; retrying");
                try
                {
                    await Task.Delay(pollInterval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}

using AlgoTrade.Core.Persistence;
using AlgoTrade.Core.WorkQueue;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlgoTrade.Tests.Infrastructure;

/// <summary>
/// Runs queued work items in the test's own services, as a node's worker would, until a job has no pending or running
/// item left. On the shared database another test's host may claim the item first; the job then finishes there.
/// </summary>
public static class WorkQueueDrain
{
    public static async Task UntilFinishedAsync(IServiceProvider services, Guid jobId, TimeSpan? timeout = null)
    {
        var runner = services.GetRequiredService<WorkItemRunner>();
        var dbFactory = services.GetRequiredService<IDbContextFactory<AlgoTradeDbContext>>();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(90));
        while (true)
        {
            await using (var db = await dbFactory.CreateDbContextAsync(cts.Token))
                if (!await db.WorkItems.AnyAsync(w => w.JobId == jobId
                        && (w.Status == WorkItemStatus.Pending || w.Status == WorkItemStatus.Running), cts.Token))
                    return;
            if (!await runner.TryRunNextAsync(cts.Token))
                await Task.Delay(100, cts.Token);
        }
    }
}

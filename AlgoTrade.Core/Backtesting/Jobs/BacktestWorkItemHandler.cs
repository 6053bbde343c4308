using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Persistence;
using AlgoTrade.Core.WorkQueue;
using Microsoft.EntityFrameworkCore;

namespace AlgoTrade.Core.Backtesting.Jobs;

/// <summary>Backtests on the work queue: a thin adapter over <see cref="BacktestJobRunner"/>.</summary>
public sealed class BacktestWorkItemHandler(BacktestJobRunner runner, TimeProvider clock) : IWorkItemHandler
{
    public const string WorkKind = "backtest";

    public string Kind => WorkKind;

    public Task HandleAsync(WorkItemContext context, CancellationToken ct) => runner.RunAsync(context, ct);

    public Task GiveUpAsync(WorkItemContext context, string reason, CancellationToken ct) => runner.GiveUpAsync(context, reason, ct);

    public async Task JobCancelledAsync(AlgoTradeDbContext db, Guid jobId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.BacktestJobs
            .Where(j => j.Id == jobId && (j.Status == BacktestJobStatus.Pending || j.Status == BacktestJobStatus.Running))
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, BacktestJobStatus.Cancelled)
                .SetProperty(j => j.ErrorMessage, "Cancelled.")
                .SetProperty(j => j.UpdatedAt, now), ct);
    }
}

using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Persistence;
using AlgoTrade.Core.WorkQueue;
using Microsoft.EntityFrameworkCore;

namespace AlgoTrade.Core.Sweeps;

/// <summary>Sweep chunks on the work queue: a thin adapter over <see cref="SweepChunkRunner"/>, which marks the item done in the transaction that writes the chunk.</summary>
public sealed class SweepChunkHandler(SweepChunkRunner runner, TimeProvider clock) : IWorkItemHandler
{
    public string Kind => SweepChunk.Kind;

    public Task HandleAsync(WorkItemContext context, CancellationToken ct) =>
        runner.RunAsync(context.JobId, context.UserId, context.ReadPayload<SweepChunk>(WorkQueue.WorkQueue.PayloadJson), context.TryCompleteAsync, ct);

    public Task GiveUpAsync(WorkItemContext context, string reason, CancellationToken ct) =>
        runner.FailAsync(context.JobId, reason, null);

    public async Task JobCancelledAsync(AlgoTradeDbContext db, Guid jobId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Sweeps
            .Where(s => s.Id == jobId && (s.Status == SweepStatus.Pending || s.Status == SweepStatus.Running))
            .ExecuteUpdateAsync(u => u
                .SetProperty(s => s.Status, SweepStatus.Cancelled)
                .SetProperty(s => s.ErrorMessage, "Cancelled.")
                .SetProperty(s => s.UpdatedAt, now), ct);
    }
}

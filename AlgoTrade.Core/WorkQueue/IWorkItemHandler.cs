using AlgoTrade.Core.Persistence;

namespace AlgoTrade.Core.WorkQueue;

/// <summary>
/// Runs the work items of one <see cref="Kind"/>; registered with <c>services.AddWorkItemHandler&lt;T&gt;()</c> (a singleton).
/// The token is cancelled when the item is cancelled, its lease is lost to another node, or the node stops.
/// Returning marks the item done, throwing marks it failed with the exception's message; to commit results atomically
/// with the item's outcome use <see cref="WorkItemContext.TryCompleteAsync"/> / <see cref="WorkItemContext.TryFailAsync"/>
/// inside the transaction that writes them.
/// </summary>
public interface IWorkItemHandler
{
    string Kind { get; }

    Task HandleAsync(WorkItemContext context, CancellationToken ct);

    /// <summary>
    /// The item's node died <see cref="WorkQueueOptions.MaxAttempts"/> times; record the give-up on the job (the queue marks
    /// the item failed with <paramref name="reason"/> afterwards unless this already did through <see cref="WorkItemContext.TryFailAsync"/>).
    /// </summary>
    Task GiveUpAsync(WorkItemContext context, string reason, CancellationToken ct) => Task.CompletedTask;

    /// <summary>
    /// The job was cancelled (by its owner or an admin): mark the job's own row cancelled in <paramref name="db"/>'s open
    /// transaction, which already holds the cancelled items. Called once per cancelled job, on the cancelling node.
    /// </summary>
    Task JobCancelledAsync(AlgoTradeDbContext db, Guid jobId, CancellationToken ct) => Task.CompletedTask;
}

using System.Text.Json;
using AlgoTrade.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AlgoTrade.Core.WorkQueue;

/// <summary>What a handler gets for one claimed item: the item, progress reporting and the atomic finish.</summary>
public sealed class WorkItemContext
{
    internal WorkItemContext(WorkItem item, string nodeId, IProgress<double> progress)
    {
        ItemId = item.Id;
        Kind = item.Kind;
        JobId = item.JobId;
        UserId = item.UserId;
        Payload = item.Payload;
        Attempt = item.Attempts;
        NodeId = nodeId;
        Progress = progress;
    }

    public long ItemId { get; }
    public string Kind { get; }
    public Guid JobId { get; }
    public int UserId { get; }
    public JsonDocument Payload { get; }

    /// <summary>1 on the first claim; higher when an earlier node died holding the item.</summary>
    public int Attempt { get; }

    public string NodeId { get; }

    /// <summary>Fraction done, 0..1. Cheap to call often: stored and broadcast at most about once a second.</summary>
    public IProgress<double> Progress { get; }

    /// <summary>The payload as <see cref="WorkQueue.Enqueue"/> wrote it (web defaults: camelCase) unless other options are given.</summary>
    public T ReadPayload<T>(JsonSerializerOptions? options = null) =>
        Payload.RootElement.Deserialize<T>(options ?? WorkQueue.PayloadJson) ?? throw new InvalidOperationException($"Work item {ItemId} has an empty payload.");

    /// <summary>
    /// Marks the item done in <paramref name="db"/>'s current transaction, if this node still holds it. Call it first in
    /// the transaction that writes the results (it locks the item row, so a concurrent cancel waits for the commit and
    /// then finds nothing to cancel); false means the item was cancelled or lost to another node: roll back.
    /// </summary>
    public Task<bool> TryCompleteAsync(AlgoTradeDbContext db, CancellationToken ct) => TryFinishAsync(db, WorkItemStatus.Done, null, ct);

    /// <summary>As <see cref="TryCompleteAsync"/>, marking the item failed with <paramref name="error"/>.</summary>
    public Task<bool> TryFailAsync(AlgoTradeDbContext db, string error, CancellationToken ct) => TryFinishAsync(db, WorkItemStatus.Failed, error, ct);

    internal async Task<bool> TryFinishAsync(AlgoTradeDbContext db, WorkItemStatus status, string? error, CancellationToken ct)
    {
        var statusName = WorkItemStatusNames.Of(status);
        var progressDone = status == WorkItemStatus.Done ? 1.0 : (double?)null;
        error = error is { Length: > 4000 } ? error[..4000] : error;
        var rows = await db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE work_items SET status = {statusName}, error = {error}, lease_until = NULL, updated_at = now(),
                progress = coalesce({progressDone}, progress)
            WHERE id = {ItemId} AND claimed_by = {NodeId} AND status = 'running'
            """, ct);
        return rows == 1;
    }
}

using System.Text.Json;
using AlgoTrade.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlgoTrade.Core.WorkQueue;

/// <summary>
/// Puts work on the cluster-wide queue and takes it off again. <see cref="Enqueue"/> only adds to the caller's context,
/// so a job row and its items commit in one transaction; an insert trigger NOTIFYs every node at that commit.
/// </summary>
public sealed class WorkQueue(
    IDbContextFactory<AlgoTradeDbContext> dbFactory,
    IEnumerable<IWorkItemHandler> handlers,
    IOptions<WorkQueueOptions> options,
    TimeProvider clock,
    ILogger<WorkQueue> logger)
{
    /// <summary>The LISTEN/NOTIFY channel: "new" from the insert trigger, JSON <see cref="WorkItemEvent"/>s from the queue.</summary>
    public const string Channel = "algotrade_work_queue";

    public const string NewItemsPayload = "new";

    // Per-user lock key space for pg_advisory_xact_lock(int, int): "WQ" in ASCII.
    private const int LimitLockSpace = 0x5751;

    public static readonly JsonSerializerOptions PayloadJson = new(JsonSerializerDefaults.Web);

    private readonly Dictionary<string, IWorkItemHandler> _handlers = handlers.ToDictionary(h => h.Kind, StringComparer.Ordinal);

    /// <summary>Adds a pending item to <paramref name="db"/>; the caller's SaveChanges commits it (with its job row).</summary>
    public WorkItem Enqueue(AlgoTradeDbContext db, string kind, Guid jobId, int userId, object payload) =>
        Enqueue(db, kind, jobId, userId, payload, clock);

    /// <summary>
    /// <see cref="Enqueue(AlgoTradeDbContext, string, Guid, int, object)"/> for a handler that queues follow-up work (a
    /// sweep's next batch): the queue's handlers cannot depend on the queue itself.
    /// </summary>
    public static WorkItem Enqueue(AlgoTradeDbContext db, string kind, Guid jobId, int userId, object payload, TimeProvider clock)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        var now = clock.GetUtcNow().UtcDateTime;
        var item = new WorkItem
        {
            Kind = kind,
            JobId = jobId,
            UserId = userId,
            Payload = JsonSerializer.SerializeToDocument(payload, payload.GetType(), PayloadJson),
            Status = WorkItemStatus.Pending,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.WorkItems.Add(item);
        return item;
    }

    /// <summary>
    /// Null when the user may start another job, else the message saying why not. Call it inside the transaction that
    /// creates the job: it holds a per-user lock until that commits, so two submits at once cannot both pass.
    /// </summary>
    public async Task<string?> CheckJobLimitAsync(AlgoTradeDbContext db, int userId, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("CheckJobLimitAsync needs the transaction that creates the job.");
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock({LimitLockSpace}, {userId})", ct);
        var active = await db.WorkItems
            .Where(w => w.UserId == userId && (w.Status == WorkItemStatus.Pending || w.Status == WorkItemStatus.Running))
            .Select(w => w.JobId).Distinct().CountAsync(ct);
        var max = options.Value.MaxActiveJobsPerUser;
        return active >= max
            ? $"You already have {active} jobs waiting or running (at most {max} at once); wait for one to finish or cancel one."
            : null;
    }

    /// <summary>
    /// Cancels every pending or running item of the job (of <paramref name="ownerId"/>'s, or anyone's when null: admins),
    /// and lets the kind's handler mark the job row, in one transaction. The node running an item stops it within moments.
    /// False when the job has nothing left to cancel (or is someone else's).
    /// </summary>
    public async Task<bool> CancelJobAsync(Guid jobId, int? ownerId, string reason, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var cancelled = await CancelJobAsync(db, jobId, ownerId, reason, ct);
        await tx.CommitAsync(ct);
        return cancelled;
    }

    /// <summary>As above, in <paramref name="db"/>'s open transaction (NOTIFY is delivered when it commits).</summary>
    public async Task<bool> CancelJobAsync(AlgoTradeDbContext db, Guid jobId, int? ownerId, string reason, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("CancelJobAsync needs an open transaction.");
        var items = await (ownerId is { } owner
                ? db.WorkItems.FromSqlInterpolated(
                    $"SELECT * FROM work_items WHERE job_id = {jobId} AND user_id = {owner} AND status IN ('pending', 'running') ORDER BY id FOR UPDATE")
                : db.WorkItems.FromSqlInterpolated(
                    $"SELECT * FROM work_items WHERE job_id = {jobId} AND status IN ('pending', 'running') ORDER BY id FOR UPDATE"))
            .ToListAsync(ct);
        if (items.Count == 0) return false;
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var item in items)
        {
            item.Status = WorkItemStatus.Cancelled;
            item.Error = reason;
            item.LeaseUntil = null;
            item.UpdatedAt = now;
        }
        await db.SaveChangesAsync(ct);
        if (_handlers.TryGetValue(items[0].Kind, out var handler))
            await handler.JobCancelledAsync(db, jobId, ct);
        foreach (var item in items)
            await NotifyAsync(db, ToEvent(item), ct);
        logger.LogInformation("Cancelled {ItemCount} work items of {Kind} job {JobId}: {Reason}", items.Count, items[0].Kind, jobId, reason);
        return true;
    }

    internal static WorkItemEvent ToEvent(WorkItem item) =>
        new(item.Id, item.Kind, item.JobId, item.UserId, item.Status, item.Progress, item.StartedAt, item.ClaimedBy);

    internal static Task NotifyAsync(AlgoTradeDbContext db, WorkItemEvent e, CancellationToken ct)
    {
        var payload = JsonSerializer.Serialize(e, PayloadJson);
        return db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_notify({Channel}, {payload})", ct);
    }
}

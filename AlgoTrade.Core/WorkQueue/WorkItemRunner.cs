using System.Collections.Concurrent;
using AlgoTrade.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlgoTrade.Core.WorkQueue;

/// <summary>
/// Claims one item (<c>FOR UPDATE SKIP LOCKED</c>, fair across users) and runs it with a heartbeat that renews the lease,
/// stores progress and stops the handler when the item is cancelled or lost. <see cref="WorkQueueWorker"/> calls it in
/// a loop per slot; tests call it directly.
/// </summary>
public sealed class WorkItemRunner : IDisposable
{
    private readonly IDbContextFactory<AlgoTradeDbContext> _dbFactory;
    private readonly Dictionary<string, IWorkItemHandler> _handlers;
    private readonly WorkQueueOptions _options;
    private readonly ILogger<WorkItemRunner> _logger;
    private readonly ConcurrentDictionary<long, CancellationTokenSource> _running = new();
    private readonly IDisposable _cancelWatch;
    private readonly string[] _kinds;

    public WorkItemRunner(IDbContextFactory<AlgoTradeDbContext> dbFactory, IEnumerable<IWorkItemHandler> handlers,
        IOptions<WorkQueueOptions> options, WorkQueueEvents events, ILogger<WorkItemRunner> logger)
    {
        _dbFactory = dbFactory;
        _handlers = handlers.ToDictionary(h => h.Kind, StringComparer.Ordinal);
        _kinds = [.. _handlers.Keys];
        _options = options.Value;
        _logger = logger;
        NodeId = _options.EffectiveNodeId;
        // A cancel NOTIFY stops the handler at once; the heartbeat would notice too, a beat later.
        _cancelWatch = events.Subscribe(e =>
        {
            if (_running.TryGetValue(e.ItemId, out var cts)) cts.Cancel();
            return Task.CompletedTask;
        }, e => e.Status is WorkItemStatus.Cancelled);
    }

    public string NodeId { get; }

    public bool HasHandlers => _kinds.Length > 0;

    /// <summary>Claims and runs the next item this node has a handler for; false when there was none.</summary>
    public async Task<bool> TryRunNextAsync(CancellationToken stoppingToken)
    {
        var item = await TryClaimAsync(stoppingToken);
        if (item is null) return false;
        await RunAsync(item, stoppingToken);
        return true;
    }

    internal async Task<WorkItem?> TryClaimAsync(CancellationToken ct)
    {
        if (_kinds.Length == 0) return null;
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        var leaseSeconds = _options.LeaseDuration.TotalSeconds;
        // Fair: the user with the fewest items running anywhere goes first, then the oldest item. A running item whose
        // lease ran out belongs to a node that died; it is claimed again like a pending one.
        var claimed = await db.WorkItems.FromSqlInterpolated($"""
            UPDATE work_items w
            SET status = 'running', claimed_by = {NodeId}, lease_until = now() + make_interval(secs => {leaseSeconds}),
                attempts = w.attempts + 1, progress = 0, started_at = now(), updated_at = now()
            WHERE w.id = (
                SELECT c.id FROM work_items c
                LEFT JOIN (SELECT user_id, count(*) AS n FROM work_items
                           WHERE status = 'running' AND lease_until > now() GROUP BY user_id) r ON r.user_id = c.user_id
                WHERE c.kind = ANY({_kinds})
                  AND (c.status = 'pending' OR (c.status = 'running' AND c.lease_until < now()))
                ORDER BY coalesce(r.n, 0), c.created_at, c.id
                LIMIT 1
                FOR UPDATE OF c SKIP LOCKED)
            RETURNING w.*
            """).AsNoTracking().ToListAsync(ct);
        return claimed.Count == 0 ? null : claimed[0];
    }

    internal async Task RunAsync(WorkItem item, CancellationToken stoppingToken)
    {
        var handler = _handlers[item.Kind];
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        _running[item.Id] = cts;
        var progress = new ProgressCell();
        var context = new WorkItemContext(item, NodeId, progress);
        using var heartbeatStop = new CancellationTokenSource();
        var heartbeat = HeartbeatAsync(item, progress, cts, heartbeatStop.Token);
        try
        {
            if (item.Attempts > 1)
                _logger.LogWarning("Work item {ItemId} ({Kind} job {JobId}) claimed again, attempt {Attempt}: the node running it stopped",
                    item.Id, item.Kind, item.JobId, item.Attempts);
            await PublishAsync(item.Id, CancellationToken.None);
            if (item.Attempts > _options.MaxAttempts)
            {
                var reason = $"Gave up after {_options.MaxAttempts} attempts: the server running it stopped each time.";
                await handler.GiveUpAsync(context, reason, cts.Token);
                await FinishAsync(context, WorkItemStatus.Failed, reason);
                _logger.LogWarning("Work item {ItemId} ({Kind} job {JobId}) given up after {Attempts} attempts", item.Id, item.Kind, item.JobId, _options.MaxAttempts);
            }
            else
            {
                await handler.HandleAsync(context, cts.Token);
                await FinishAsync(context, WorkItemStatus.Done, null);
            }
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            if (stoppingToken.IsCancellationRequested)
            {
                await ReleaseAsync(item);
                _logger.LogInformation("Work item {ItemId} ({Kind} job {JobId}) handed back: this node is stopping", item.Id, item.Kind, item.JobId);
            }
            else
            {
                _logger.LogInformation("Work item {ItemId} ({Kind} job {JobId}) stopped: cancelled or taken over", item.Id, item.Kind, item.JobId);
            }
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Work item {ItemId} ({Kind} job {JobId}) failed", item.Id, item.Kind, item.JobId);
            await FinishAsync(context, WorkItemStatus.Failed, $"Unexpected error: {ex.Message}");
        }
        finally
        {
            await heartbeatStop.CancelAsync();
            await heartbeat;
            _running.TryRemove(item.Id, out _);
        }
        await PublishAsync(item.Id, CancellationToken.None);
    }

    private async Task FinishAsync(WorkItemContext context, WorkItemStatus status, string? error)
    {
        try
        {
            await using var db = await _dbFactory.CreateDbContextAsync();
            await context.TryFinishAsync(db, status, error, CancellationToken.None);
        }
        catch (Exception ex)
        {
            // The lease runs out and another node runs it again.
            _logger.LogError(ex, "Work item {ItemId} could not be marked {Status}", context.ItemId, status);
        }
    }

    /// <summary>A stopping node hands its items back at once (the attempt does not count) instead of letting the lease run out.</summary>
    private async Task ReleaseAsync(WorkItem item)
    {
        try
        {
            await using var db = await _dbFactory.CreateDbContextAsync();
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                UPDATE work_items SET status = 'pending', claimed_by = NULL, lease_until = NULL, attempts = greatest(attempts - 1, 0),
                    progress = 0, started_at = NULL, updated_at = now()
                WHERE id = {item.Id} AND claimed_by = {NodeId} AND status = 'running'
                """);
            await db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_notify({WorkQueue.Channel}, {WorkQueue.NewItemsPayload})");
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "Work item {ItemId} could not be handed back; its lease will run out", item.Id);
        }
    }

    private async Task HeartbeatAsync(WorkItem item, ProgressCell progress, CancellationTokenSource handler, CancellationToken stop)
    {
        var tick = _options.HeartbeatInterval < TimeSpan.FromSeconds(1) ? _options.HeartbeatInterval : TimeSpan.FromSeconds(1);
        var leaseSeconds = _options.LeaseDuration.TotalSeconds;
        var lastBeat = DateTime.UtcNow;
        var written = 0.0;
        using var timer = new PeriodicTimer(tick);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                var current = progress.Value;
                if (current == written && DateTime.UtcNow - lastBeat < _options.HeartbeatInterval) continue;
                try
                {
                    await using var db = await _dbFactory.CreateDbContextAsync(stop);
                    var held = await db.Database.ExecuteSqlInterpolatedAsync($"""
                        UPDATE work_items SET lease_until = now() + make_interval(secs => {leaseSeconds}), progress = {current}, updated_at = now()
                        WHERE id = {item.Id} AND claimed_by = {NodeId} AND status = 'running'
                        """, stop);
                    lastBeat = DateTime.UtcNow;
                    if (held == 0)
                    {
                        await handler.CancelAsync();
                        return;
                    }
                    if (current != written)
                    {
                        written = current;
                        await PublishAsync(db, item.Id, stop);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // One missed beat is fine; the lease is several beats long.
                    _logger.LogWarning(ex, "Heartbeat of work item {ItemId} failed", item.Id);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task PublishAsync(long itemId, CancellationToken ct)
    {
        try
        {
            await using var db = await _dbFactory.CreateDbContextAsync(ct);
            await PublishAsync(db, itemId, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogWarning(ex, "Could not announce the state of work item {ItemId}", itemId);
        }
    }

    private static async Task PublishAsync(AlgoTradeDbContext db, long itemId, CancellationToken ct)
    {
        var current = await db.WorkItems.AsNoTracking().SingleOrDefaultAsync(w => w.Id == itemId, ct);
        if (current is not null)
            await WorkQueue.NotifyAsync(db, WorkQueue.ToEvent(current), ct);
    }

    public void Dispose() => _cancelWatch.Dispose();

    private sealed class ProgressCell : IProgress<double>
    {
        private double _value;
        public double Value => Volatile.Read(ref _value);
        public void Report(double value) => Volatile.Write(ref _value, Math.Clamp(double.IsFinite(value) ? value : 0, 0, 1));
    }
}

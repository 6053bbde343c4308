using AlgoTrade.Core.Admin;
using AlgoTrade.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AlgoTrade.Core.WorkQueue;

/// <summary>Every user's jobs on the queue, for admins (the caller checks the admin policy).</summary>
public sealed class WorkQueueJobQueries(IDbContextFactory<AlgoTradeDbContext> dbFactory)
{
    public async Task<PagedResult<WorkJobRow>> ListAsync(bool activeOnly, int page, int pageSize, CancellationToken ct = default)
    {
        pageSize = Math.Clamp(pageSize, 1, 100);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var offset = Math.Max(0, page) * pageSize;
        var total = await db.Database.SqlQuery<int>($"""
            SELECT count(*)::int AS "Value" FROM (SELECT w.job_id FROM work_items w GROUP BY w.job_id HAVING NOT {activeOnly} OR bool_or(w.status IN ('pending', 'running'))) j
            """).SingleAsync(ct);
        // Column names as the snake_case naming convention maps Row's properties.
        var rows = await db.Database.SqlQuery<Row>($"""
            SELECT w.job_id AS job_id, min(w.kind) AS kind, min(w.user_id) AS user_id, min(u.email) AS owner_email,
                CASE WHEN bool_or(w.status = 'running') THEN 'running' WHEN bool_or(w.status = 'pending') THEN 'pending'
                     WHEN bool_or(w.status = 'failed') THEN 'failed' WHEN bool_or(w.status = 'cancelled') THEN 'cancelled'
                     ELSE 'done' END AS status,
                count(*)::int AS items, (count(*) FILTER (WHERE w.status = 'done'))::int AS items_done,
                avg(CASE WHEN w.status = 'done' THEN 1 ELSE w.progress END) AS progress,
                string_agg(DISTINCT w.claimed_by, ', ') FILTER (WHERE w.status = 'running') AS nodes,
                max(w.attempts) AS attempts, min(w.created_at) AS created_at, min(w.started_at) AS started_at,
                max(w.updated_at) AS updated_at, max(w.error) AS error
            FROM work_items w JOIN users u ON u.id = w.user_id
            GROUP BY w.job_id HAVING NOT {activeOnly} OR bool_or(w.status IN ('pending', 'running'))
            ORDER BY bool_or(w.status IN ('pending', 'running')) DESC, min(w.created_at) DESC, w.job_id
            OFFSET {offset} LIMIT {pageSize}
            """).ToListAsync(ct);
        return new PagedResult<WorkJobRow>(rows.Select(r => new WorkJobRow(r.JobId, r.Kind, r.UserId, r.OwnerEmail,
            WorkItemStatusNames.Parse(r.Status), r.Items, r.ItemsDone, r.Progress, r.Nodes, r.Attempts, r.CreatedAt, r.StartedAt,
            r.UpdatedAt, r.Error)).ToList(), total);
    }

    private sealed record Row(Guid JobId, string Kind, int UserId, string OwnerEmail, string Status, int Items, int ItemsDone,
        double Progress, string? Nodes, int Attempts, DateTime CreatedAt, DateTime? StartedAt, DateTime UpdatedAt, string? Error);
}

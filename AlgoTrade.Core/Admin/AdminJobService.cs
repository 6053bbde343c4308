using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AlgoTrade.Core.Admin;

/// <summary>Admins cancel any user's job on the work queue (backtest, sweep, …); the cancel and its audit row commit together.</summary>
public sealed class AdminJobService(
    IDbContextFactory<AlgoTradeDbContext> dbFactory,
    WorkQueue.WorkQueue queue,
    TimeProvider clock,
    ILogger<AdminJobService> logger)
{
    public async Task<AdminActionResult> CancelAsync(int adminUserId, Guid jobId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var owner = await db.WorkItems.Where(w => w.JobId == jobId)
            .Join(db.Users, w => w.UserId, u => u.Id, (w, u) => new { w.Kind, u.Id, u.Email }).FirstOrDefaultAsync(ct);
        if (owner is null) return AdminActionResult.Fail("The job no longer exists.");
        if (!await queue.CancelJobAsync(db, jobId, null, "Cancelled by an administrator.", ct))
            return AdminActionResult.Fail("The job has already finished.");
        AdminAudit.Record(db, adminUserId, AdminActions.CancelJob, AdminActions.TargetJob, jobId.ToString(),
            new { kind = owner.Kind, owner = owner.Email, ownerId = owner.Id }, now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        logger.LogInformation("Admin {AdminUserId} cancelled {Kind} job {JobId} of user {UserId}", adminUserId, owner.Kind, jobId, owner.Id);
        return AdminActionResult.Ok;
    }
}

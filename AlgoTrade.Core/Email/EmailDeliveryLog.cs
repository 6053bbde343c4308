using AlgoTrade.Core.Admin;
using AlgoTrade.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AlgoTrade.Core.Email;

/// <summary>A user's own emails, newest first; the bodies never leave the outbox.</summary>
public sealed class EmailDeliveryLog(IDbContextFactory<AlgoTradeDbContext> dbFactory)
{
    public async Task<PagedResult<EmailDeliveryRow>> GetPageAsync(int userId, int skip, int take, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.EmailDeliveries.AsNoTracking().Where(e => e.UserId == userId);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id)
            .Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, 200))
            .Select(e => new EmailDeliveryRow(e.Id, e.Kind, e.ToAddress, e.Subject, e.Status, e.Attempts, e.LastError, e.CreatedAt, e.SentAt, e.NextAttemptAt))
            .ToListAsync(ct);
        return new PagedResult<EmailDeliveryRow>(rows, total);
    }
}

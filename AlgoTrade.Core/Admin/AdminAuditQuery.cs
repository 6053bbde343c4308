using AlgoTrade.Core.Persistence;
using AlgoTrade.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace AlgoTrade.Core.Admin;

/// <summary>Reads admin_audit_log, newest first. Admin actions are few, so plain offset pages are fine here.</summary>
public sealed class AdminAuditQuery(IDbContextFactory<AlgoTradeDbContext> dbFactory)
{
    public async Task<PagedResult<AuditRow>> SearchAsync(AuditSearch search, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.AdminAuditLog.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search.AdminEmail))
        {
            var pattern = "%" + ActivityLogQuery.EscapeLike(EmailAddress.Normalize(search.AdminEmail)) + "%";
            query = query.Where(a => EF.Functions.Like(a.AdminUser!.Email, pattern, "\\"));
        }
        if (search.Action is { } action) query = query.Where(a => a.Action == action);
        if (search.TargetType is { } type) query = query.Where(a => a.TargetType == type);
        if (search.TargetId is { } target) query = query.Where(a => a.TargetId == target);
        if (search.From is { } from) query = query.Where(a => a.Timestamp >= from);
        if (search.To is { } to) query = query.Where(a => a.Timestamp < to);
        var total = await query.CountAsync(ct);
        var pageSize = Math.Clamp(search.PageSize, 1, 500);
        var raw = await query
            .OrderByDescending(a => a.Timestamp).ThenByDescending(a => a.Id)
            .Skip(Math.Max(0, search.Page) * pageSize).Take(pageSize)
            .Select(a => new { a.Id, a.Timestamp, a.AdminUserId, a.AdminUser!.Email, a.Action, a.TargetType, a.TargetId, a.Details })
            .ToListAsync(ct);
        var rows = raw.Select(a =>
        {
            var json = a.Details?.RootElement.GetRawText();
            a.Details?.Dispose();
            return new AuditRow(a.Id, a.Timestamp, a.AdminUserId, a.Email, a.Action, a.TargetType, a.TargetId, json);
        }).ToList();
        return new PagedResult<AuditRow>(rows, total);
    }
}

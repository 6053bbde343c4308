using AlgoTrade.Core.Bots;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Persistence;
using AlgoTrade.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AlgoTrade.Core.Admin;

/// <summary>User administration: search, activate/deactivate, promote/demote. Each action is audited in its own transaction.</summary>
public sealed class AdminUserService(
    IDbContextFactory<AlgoTradeDbContext> dbFactory,
    BotStopper botStopper,
    TimeProvider clock,
    ILogger<AdminUserService> logger)
{
    public async Task<PagedResult<AdminUserRow>> SearchAsync(UserSearch search, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search.Email))
        {
            var pattern = "%" + ActivityLogQuery.EscapeLike(EmailAddress.Normalize(search.Email)) + "%";
            query = query.Where(u => EF.Functions.Like(u.Email, pattern, "\\"));
        }
        if (search.Role is { } role) query = query.Where(u => u.Role == role);
        if (search.IsActive is { } active) query = query.Where(u => u.IsActive == active);
        if (search.CreatedFrom is { } from) query = query.Where(u => u.CreatedAt >= from);
        if (search.CreatedTo is { } to) query = query.Where(u => u.CreatedAt < to);

        var total = await query.CountAsync(ct);
        query = (search.SortBy, search.Descending) switch
        {
            (UserSortField.Email, false) => query.OrderBy(u => u.Email),
            (UserSortField.Email, true) => query.OrderByDescending(u => u.Email),
            (UserSortField.LastLoginAt, false) => query.OrderBy(u => u.LastLoginAt).ThenBy(u => u.Id),
            (UserSortField.LastLoginAt, true) => query.OrderByDescending(u => u.LastLoginAt).ThenByDescending(u => u.Id),
            (_, false) => query.OrderBy(u => u.CreatedAt).ThenBy(u => u.Id),
            _ => query.OrderByDescending(u => u.CreatedAt).ThenByDescending(u => u.Id),
        };
        var pageSize = Math.Clamp(search.PageSize, 1, 500);
        var items = await query
            .Skip(Math.Max(0, search.Page) * pageSize).Take(pageSize)
            .Select(u => new AdminUserRow(u.Id, u.Email, u.Role, u.IsActive, u.CreatedAt, u.LastLoginAt,
                u.BotConfigs.Count(), u.BotConfigs.Count(b => b.IsActive), u.ApiKeys.Count(), u.TwoFactorEnabledAt != null))
            .ToListAsync(ct);
        return new PagedResult<AdminUserRow>(items, total);
    }

    /// <summary>
    /// Deactivation also rotates the security stamp (every session ends on its next request) and stops the user's bots;
    /// activation does not restart bots.
    /// </summary>
    public async Task<AdminActionResult> SetActiveAsync(int adminUserId, int userId, bool active, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var activeAdmins = await LockActiveAdminsAsync(db, ct);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null) return AdminActionResult.Fail("The user no longer exists.");
        if (user.IsActive == active) return AdminActionResult.Fail(active ? "The user is already active." : "The user is already deactivated.");
        if (!active && activeAdmins.Contains(userId) && activeAdmins.Count <= 1)
            return AdminActionResult.Fail("This is the last active admin; promote another admin first.");

        user.IsActive = active;
        user.UpdatedAt = now;
        IReadOnlyList<BotStopper.StoppedBot> stopped = [];
        if (!active)
        {
            user.SecurityStamp = Guid.NewGuid().ToString("N");
            stopped = await botStopper.MarkStoppedAsync(db, db.BotConfigs.Where(b => b.UserId == userId && (b.IsActive || (b.State != null && b.State.Status != BotStatus.Stopped))), now, ct,
                "Stopped by an administrator: the account was deactivated. An open position stays open.");
        }
        AdminAudit.Record(db, adminUserId, active ? AdminActions.ActivateUser : AdminActions.DeactivateUser, AdminActions.TargetUser,
            userId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            new { email = user.Email, stoppedBots = stopped.Select(b => b.BotId).ToArray() }, now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await botStopper.AfterCommitAsync(stopped, now, ct);
        logger.LogInformation("Admin {AdminUserId} {Action} user {UserId}; {StoppedBots} bots stopped",
            adminUserId, active ? "activated" : "deactivated", userId, stopped.Count);
        return AdminActionResult.Ok;
    }

    public async Task<AdminActionResult> SetRoleAsync(int adminUserId, int userId, string role, CancellationToken ct = default)
    {
        if (!UserRoles.IsValid(role)) return AdminActionResult.Fail($"Unknown role '{role}'.");
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var activeAdmins = await LockActiveAdminsAsync(db, ct);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null) return AdminActionResult.Fail("The user no longer exists.");
        if (user.Role == role) return AdminActionResult.Fail($"The user already has the role {role}.");
        if (role != UserRoles.Admin && activeAdmins.Contains(userId) && activeAdmins.Count <= 1)
            return AdminActionResult.Fail("This is the last active admin; promote another admin first.");

        var previous = user.Role;
        user.Role = role;
        // The role is in the session cookie: rotating the stamp makes every session pick up the new role at once.
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        user.UpdatedAt = now;
        AdminAudit.Record(db, adminUserId, role == UserRoles.Admin ? AdminActions.PromoteUser : AdminActions.DemoteUser, AdminActions.TargetUser,
            userId.ToString(System.Globalization.CultureInfo.InvariantCulture), new { email = user.Email, from = previous, to = role }, now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        logger.LogInformation("Admin {AdminUserId} changed the role of user {UserId} from {PreviousRole} to {Role}", adminUserId, userId, previous, role);
        return AdminActionResult.Ok;
    }

    /// <summary>Locks every active admin row, so two admins demoting each other at once cannot both succeed.</summary>
    private static async Task<HashSet<int>> LockActiveAdminsAsync(AlgoTradeDbContext db, CancellationToken ct)
    {
        var ids = await db.Database
            .SqlQuery<int>($"SELECT id AS \"Value\" FROM users WHERE role = {UserRoles.Admin} AND is_active ORDER BY id FOR UPDATE")
            .ToListAsync(ct);
        return [.. ids];
    }
}

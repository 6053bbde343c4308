using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AlgoTrade.Core.Admin;

public sealed class AdminOverviewQuery(IDbContextFactory<AlgoTradeDbContext> dbFactory)
{
    public async Task<AdminOverview> ReadAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var users = await db.Users.GroupBy(_ => 1).Select(g => new
        {
            Total = g.Count(),
            Active = g.Count(u => u.IsActive),
            Admins = g.Count(u => u.IsActive && u.Role == UserRoles.Admin),
        }).SingleOrDefaultAsync(ct);
        var bots = await db.BotConfigs.CountAsync(ct);
        var running = await db.BotStates.CountAsync(s => s.Status == BotStatus.Running || s.Status == BotStatus.Paused, ct);
        var errors = await db.BotStates.CountAsync(s => s.Status == BotStatus.Error, ct);
        var rows = await db.Database.SqlQueryRaw<long>("SELECT (" + ActivityLogRowEstimate.Sql + ") AS \"Value\"").SingleAsync(ct);
        return new AdminOverview(users?.Total ?? 0, users?.Active ?? 0, users?.Admins ?? 0, bots, running, errors, rows);
    }
}

using AlgoTrade.Core.Persistence;
using AlgoTrade.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace AlgoTrade.Core.Admin;

/// <summary>Type-ahead lists for the admin filters (users by email, bots by name, symbol or id).</summary>
public sealed class AdminLookups(IDbContextFactory<AlgoTradeDbContext> dbFactory)
{
    public async Task<IReadOnlyList<UserOption>> SearchUsersAsync(string? text, int limit = 20, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(text))
        {
            var pattern = "%" + ActivityLogQuery.EscapeLike(EmailAddress.Normalize(text)) + "%";
            query = query.Where(u => EF.Functions.Like(u.Email, pattern, "\\"));
        }
        return await query.OrderBy(u => u.Email).Take(limit).Select(u => new UserOption(u.Id, u.Email)).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<BotOption>> SearchBotsAsync(int? userId, string? text, int limit = 20, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.BotConfigs.AsNoTracking();
        if (userId is { } owner) query = query.Where(b => b.UserId == owner);
        if (!string.IsNullOrWhiteSpace(text))
        {
            var trimmed = text.Trim().TrimStart('#');
            var pattern = "%" + ActivityLogQuery.EscapeLike(trimmed) + "%";
            var id = int.TryParse(trimmed, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : -1;
            query = query.Where(b => b.Id == id || EF.Functions.ILike(b.Name, pattern, "\\") || EF.Functions.ILike(b.Symbol, pattern, "\\"));
        }
        return await query.OrderBy(b => b.Id).Take(limit)
            .Select(b => new BotOption(b.Id, b.Name, b.Symbol, b.UserId, b.User!.Email)).ToListAsync(ct);
    }

    public async Task<UserOption?> FindUserAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => new UserOption(u.Id, u.Email)).SingleOrDefaultAsync(ct);
    }

    public async Task<BotOption?> FindBotAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.BotConfigs.AsNoTracking().Where(b => b.Id == id)
            .Select(b => new BotOption(b.Id, b.Name, b.Symbol, b.UserId, b.User!.Email)).SingleOrDefaultAsync(ct);
    }
}

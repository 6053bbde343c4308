using AlgoTrade.Core.Bots;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Persistence;
using AlgoTrade.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AlgoTrade.Core.Admin;

/// <summary>Every user's bots, and stopping any of them.</summary>
public sealed class AdminBotService(
    IDbContextFactory<AlgoTradeDbContext> dbFactory,
    BotStopper botStopper,
    TimeProvider clock,
    ILogger<AdminBotService> logger)
{
    public async Task<PagedResult<AdminBotRow>> SearchAsync(BotSearch search, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.BotConfigs.AsNoTracking();
        if (search.OwnerId is { } ownerId) query = query.Where(b => b.UserId == ownerId);
        if (!string.IsNullOrWhiteSpace(search.OwnerEmail))
        {
            var pattern = "%" + ActivityLogQuery.EscapeLike(EmailAddress.Normalize(search.OwnerEmail)) + "%";
            query = query.Where(b => EF.Functions.Like(b.User!.Email, pattern, "\\"));
        }
        if (search.Status is { } status)
            query = status == BotStatus.Stopped
                ? query.Where(b => b.State == null || b.State.Status == status)
                : query.Where(b => b.State != null && b.State.Status == status);
        if (!string.IsNullOrWhiteSpace(search.Exchange)) query = query.Where(b => b.ExchangeName == search.Exchange);
        if (!string.IsNullOrWhiteSpace(search.Symbol))
        {
            var symbol = search.Symbol.Trim().ToUpperInvariant();
            query = query.Where(b => b.Symbol.StartsWith(symbol));
        }
        var total = await query.CountAsync(ct);
        var pageSize = Math.Clamp(search.PageSize, 1, 500);
        var items = await query
            .OrderByDescending(b => b.IsActive).ThenBy(b => b.Id)
            .Skip(Math.Max(0, search.Page) * pageSize).Take(pageSize)
            .Select(b => new AdminBotRow(b.Id, b.Name, b.UserId, b.User!.Email, b.ExchangeName, b.Symbol, b.Timeframe, b.StrategyType,
                b.IsActive, b.State == null ? BotStatus.Stopped : b.State.Status, b.State == null ? null : b.State.LastRunAt,
                b.State == null ? null : b.State.LastErrorMessage))
            .ToListAsync(ct);
        return new PagedResult<AdminBotRow>(items, total);
    }

    public async Task<AdminActionResult> StopAsync(int adminUserId, int botId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var bot = await db.BotConfigs.AsNoTracking()
            .Where(b => b.Id == botId)
            .Select(b => new { b.Id, b.Name, b.UserId, b.User!.Email, b.IsActive, Status = b.State == null ? BotStatus.Stopped : b.State.Status })
            .SingleOrDefaultAsync(ct);
        if (bot is null) return AdminActionResult.Fail("The bot no longer exists.");
        if (!bot.IsActive && bot.Status == BotStatus.Stopped) return AdminActionResult.Fail("The bot is already stopped.");

        var stopped = await botStopper.MarkStoppedAsync(db, db.BotConfigs.Where(b => b.Id == botId), now, ct,
            "Stopped by an administrator. An open position stays open.");
        AdminAudit.Record(db, adminUserId, AdminActions.StopBot, AdminActions.TargetBot, botId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            new { name = bot.Name, owner = bot.Email, ownerId = bot.UserId, previousStatus = bot.Status.ToText() }, now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await botStopper.AfterCommitAsync(stopped, now, ct);
        logger.LogInformation("Admin {AdminUserId} stopped bot {BotId} of user {UserId}", adminUserId, botId, bot.UserId);
        return AdminActionResult.Ok;
    }
}

using System.Globalization;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Email;
using AlgoTrade.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AlgoTrade.Core.Notifications;

/// <summary>
/// The daily summary email: per bot the trades and realised PnL of the last 24 hours, and the errors. Each user gets
/// one per UTC day, at the first run at or after their chosen hour. The claim (setting <c>users.digest_last_sent_on</c>
/// to today) and the outbox row are written in one transaction, and the claim's WHERE only matches a user not yet
/// sent today, so two nodes, or two runs, can never both send: PostgreSQL re-checks the WHERE of a row another
/// transaction updated before letting the second UPDATE through.
/// </summary>
public sealed class DailyDigestService(
    IDbContextFactory<AlgoTradeDbContext> dbFactory,
    EmailOutbox outbox,
    EmailTemplates templates,
    TimeProvider clock,
    ILogger<DailyDigestService> logger)
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(24);
    private const int MaxErrorLines = 5;

    /// <returns>How many digests this call queued.</returns>
    public async Task<int> SendDueAsync(CancellationToken ct = default)
    {
        if (!outbox.IsAvailable) return 0;
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        List<int> due;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            due = await Due(db.Users, today, now.Hour).OrderBy(u => u.Id).Select(u => u.Id).ToListAsync(ct);

        var sent = 0;
        foreach (var userId in due)
        {
            if (await SendOneAsync(userId, today, now, ct)) sent++;
        }
        if (sent > 0)
        {
            outbox.WakeWorker();
            logger.LogInformation("Queued {DigestCount} daily digests for {Day}", sent, today);
        }
        return sent;
    }

    private static IQueryable<User> Due(IQueryable<User> users, DateOnly today, int hour) =>
        users.Where(u => u.DigestEnabled && u.IsActive && u.EmailVerifiedAt != null && u.DigestHourUtc <= hour
            && (u.DigestLastSentOn == null || u.DigestLastSentOn < today));

    private async Task<bool> SendOneAsync(int userId, DateOnly today, DateTime now, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var claimed = await Due(db.Users.Where(u => u.Id == userId), today, now.Hour)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.DigestLastSentOn, today), ct);
        if (claimed == 0) return false; // another node or run got there first, or the user changed their mind

        var email = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).SingleAsync(ct);
        var lines = await SummarizeAsync(db, userId, now - Window, now, ct);
        var content = templates.Notification(userId, EmailKinds.Digest,
            $"Your AlgoTrade summary for {now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}",
            "Your last 24 hours", lines, "/");
        outbox.Stage(db, userId, EmailKinds.Digest, email, content);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>The digest's lines for the window [from, to).</summary>
    public static async Task<IReadOnlyList<string>> SummarizeAsync(AlgoTradeDbContext db, int userId, DateTime from, DateTime to, CancellationToken ct)
    {
        static string Money(decimal v) => v.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture);
        var bots = await db.BotConfigs.AsNoTracking().Where(b => b.UserId == userId).OrderBy(b => b.Name).ThenBy(b => b.Id)
            .Select(b => new { b.Id, b.Name, b.Symbol, Status = b.State != null ? b.State.Status : BotStatus.Stopped }).ToListAsync(ct);
        var trades = await db.Trades.AsNoTracking().Where(t => t.UserId == userId && t.Timestamp >= from && t.Timestamp < to)
            .GroupBy(t => t.BotConfigId)
            .Select(g => new { BotId = g.Key, Count = g.Count(), Pnl = g.Sum(t => t.Pnl ?? 0) }).ToDictionaryAsync(g => g.BotId, ct);
        var errors = await db.BotActivityLogs.AsNoTracking()
            .Where(l => l.UserId == userId && l.LogLevel == ActivityLogLevel.Error && l.Timestamp >= from && l.Timestamp < to)
            .OrderByDescending(l => l.Timestamp).Take(MaxErrorLines + 1)
            .Select(l => new { l.BotConfigId, l.Timestamp, l.Message }).ToListAsync(ct);
        var errorCount = await db.BotActivityLogs.CountAsync(l => l.UserId == userId && l.LogLevel == ActivityLogLevel.Error
            && l.Timestamp >= from && l.Timestamp < to, ct);

        var lines = new List<string>
        {
            $"From {from.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} to {to.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC.",
            $"Trades: {trades.Values.Sum(t => t.Count).ToString(CultureInfo.InvariantCulture)} · realised PnL: {Money(trades.Values.Sum(t => t.Pnl))} · errors: {errorCount.ToString(CultureInfo.InvariantCulture)}",
        };
        if (bots.Count == 0) lines.Add("You have no bots yet.");
        foreach (var bot in bots)
        {
            var t = trades.GetValueOrDefault(bot.Id);
            lines.Add($"{bot.Name} ({bot.Symbol}, {bot.Status.ToText()}): {(t?.Count ?? 0).ToString(CultureInfo.InvariantCulture)} trades, PnL {Money(t?.Pnl ?? 0)}");
        }
        var names = bots.ToDictionary(b => b.Id, b => b.Name);
        foreach (var e in errors.Take(MaxErrorLines))
            lines.Add($"Error {e.Timestamp.ToString("HH:mm", CultureInfo.InvariantCulture)} {names.GetValueOrDefault(e.BotConfigId, "a deleted bot")}: {e.Message}");
        if (errorCount > MaxErrorLines)
            lines.Add($"… and {(errorCount - MaxErrorLines).ToString(CultureInfo.InvariantCulture)} more errors in the activity log.");
        return lines;
    }
}

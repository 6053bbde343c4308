using System.Text.Json;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AlgoTrade.Core.Monitoring;

/// <summary>The bot page's reads: performance and the activity log tail. Every query filters by the owner's id.</summary>
public sealed class BotMonitorQueries(IDbContextFactory<AlgoTradeDbContext> dbFactory)
{
    public const int MaxActivityRows = 500;

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public async Task<BotPerformance?> PerformanceAsync(int userId, int botId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var bot = await db.BotConfigs.AsNoTracking().Where(b => b.Id == botId && b.UserId == userId)
            .Select(b => new { b.Risk.InitialCapital, b.CreatedAt }).SingleOrDefaultAsync(ct);
        if (bot is null) return null;
        var trades = db.Trades.AsNoTracking().Where(t => t.BotConfigId == botId && t.UserId == userId);
        var totals = await trades.GroupBy(_ => 1).Select(g => new
        {
            Fills = g.Count(),
            Fees = g.Sum(t => t.CommissionAmount),
        }).SingleOrDefaultAsync(ct);
        var exits = await trades.Where(t => t.Pnl != null).OrderBy(t => t.Timestamp).ThenBy(t => t.Id)
            .Select(t => new { t.Timestamp, Pnl = t.Pnl!.Value }).ToListAsync(ct);

        var curve = new List<ChartPoint>(exits.Count + 1) { new(ToUnix(bot.CreatedAt), (double)bot.InitialCapital) };
        var equity = bot.InitialCapital;
        foreach (var exit in exits)
        {
            equity += exit.Pnl;
            var time = Math.Max(ToUnix(exit.Timestamp), curve[^1].Time + 1); // the chart needs strictly increasing times
            curve.Add(new ChartPoint(time, (double)equity));
        }
        return new BotPerformance(
            totals?.Fills ?? 0, exits.Count, exits.Count(e => e.Pnl > 0), exits.Count(e => e.Pnl < 0),
            exits.Sum(e => e.Pnl), totals?.Fees ?? 0m, bot.InitialCapital, curve);
    }

    /// <summary>Newest first; <paramref name="level"/> null for every level; <paramref name="after"/> (the last row shown) pages back to older rows.</summary>
    public async Task<IReadOnlyList<ActivityEntry>> ActivityAsync(int userId, int botId, ActivityLogLevel? level, int take, ActivityEntry? after = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.BotActivityLogs.AsNoTracking().Where(l => l.BotConfigId == botId && l.UserId == userId);
        if (level is not null)
            query = query.Where(l => l.LogLevel == level);
        if (after is not null)
            query = query.Where(l => l.Timestamp < after.Timestamp || (l.Timestamp == after.Timestamp && l.Id < after.Id));
        var rows = await query.OrderByDescending(l => l.Timestamp).ThenByDescending(l => l.Id)
            .Take(Math.Clamp(take, 1, MaxActivityRows))
            .Select(l => new { l.Id, l.Timestamp, l.LogLevel, l.Message, l.Details })
            .ToListAsync(ct);
        return rows.Select(l => new ActivityEntry(l.Id, l.Timestamp, l.LogLevel, l.Message,
            l.Details is null ? null : JsonSerializer.Serialize(l.Details.RootElement, Indented))).ToList();
    }

    internal static long ToUnix(DateTime utc) => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToUnixTimeSeconds();
}

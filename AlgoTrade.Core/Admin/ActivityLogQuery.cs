using System.Runtime.CompilerServices;
using System.Text.Json;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AlgoTrade.Core.Admin;

/// <summary>
/// The activity log explorer's reads. Pages are keyset pages, newest first: ORDER BY timestamp DESC, id DESC and
/// (timestamp, id) &lt; cursor, so a deep page costs the same as the first one and no OFFSET is ever used. Every filter
/// is part of the SQL; the indexes that serve each combination are described in docs/admin.md.
/// </summary>
public sealed class ActivityLogQuery(IDbContextFactory<AlgoTradeDbContext> dbFactory)
{
    public const int MaxPageSize = 5_000;
    private const int ExportChunk = 2_000;

    public async Task<ActivityLogPage> PageAsync(ActivityLogFilter filter, ActivityLogCursor? before, int pageSize, CancellationToken ct = default)
    {
        filter.EnsureValid();
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, MaxPageSize);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = Filtered(db, filter);
        if (before is { } c)
            query = query.Where(l => EF.Functions.LessThan(ValueTuple.Create(l.Timestamp, l.Id), ValueTuple.Create(c.Timestamp, c.Id)));
        var raw = await query
            .OrderByDescending(l => l.Timestamp).ThenByDescending(l => l.Id)
            .Take(pageSize + 1)
            .Select(l => new RawRow(l.Id, l.Timestamp, l.LogLevel, l.UserId, l.BotConfigId, l.Message, l.Details))
            .ToListAsync(ct);
        var hasMore = raw.Count > pageSize;
        if (hasMore) raw.RemoveAt(raw.Count - 1);
        var rows = await ToRowsAsync(db, raw, ct);
        return new ActivityLogPage(rows, hasMore ? ActivityLogCursor.After(rows[^1]) : null);
    }

    /// <summary>The newest rows with an id above <paramref name="afterId"/>, newest first (the live tail's poll).</summary>
    public async Task<IReadOnlyList<ActivityLogRow>> NewestAfterAsync(ActivityLogFilter filter, long afterId, int limit, CancellationToken ct = default)
    {
        filter.EnsureValid();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var raw = await Filtered(db, filter)
            .Where(l => l.Id > afterId)
            .OrderByDescending(l => l.Id)
            .Take(limit)
            .Select(l => new RawRow(l.Id, l.Timestamp, l.LogLevel, l.UserId, l.BotConfigId, l.Message, l.Details))
            .ToListAsync(ct);
        return await ToRowsAsync(db, raw, ct);
    }

    public async Task<long> MaxIdAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.BotActivityLogs.MaxAsync(l => (long?)l.Id, ct) ?? 0;
    }

    /// <summary>Every row of the filter, newest first, read as a chain of keyset pages: constant memory, short queries.</summary>
    public async IAsyncEnumerable<ActivityLogRow> StreamAsync(ActivityLogFilter filter, [EnumeratorCancellation] CancellationToken ct = default)
    {
        ActivityLogCursor? cursor = null;
        do
        {
            var page = await PageAsync(filter, cursor, ExportChunk, ct);
            foreach (var row in page.Rows)
                yield return row;
            cursor = page.Next;
        } while (cursor is not null);
    }

    private static IQueryable<Domain.BotActivityLog> Filtered(AlgoTradeDbContext db, ActivityLogFilter filter)
    {
        var query = db.BotActivityLogs.AsNoTracking();
        if (filter.UserId is { } userId) query = query.Where(l => l.UserId == userId);
        if (filter.BotId is { } botId) query = query.Where(l => l.BotConfigId == botId);
        if (filter.Level is { } level) query = query.Where(l => l.LogLevel == level);
        if (filter.From is { } from) query = query.Where(l => l.Timestamp >= from);
        if (filter.To is { } to) query = query.Where(l => l.Timestamp < to);
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var pattern = "%" + EscapeLike(filter.Text.Trim()) + "%";
            query = query.Where(l => EF.Functions.ILike(l.Message, pattern, "\\"));
        }
        return query;
    }

    internal static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    private static async Task<IReadOnlyList<ActivityLogRow>> ToRowsAsync(AlgoTradeDbContext db, List<RawRow> raw, CancellationToken ct)
    {
        if (raw.Count == 0) return [];
        var botIds = raw.Select(r => r.BotId).Distinct().ToList();
        var bots = await db.BotConfigs.AsNoTracking()
            .Where(b => botIds.Contains(b.Id))
            .Select(b => new { b.Id, b.Name, b.User!.Email })
            .ToDictionaryAsync(b => b.Id, ct);
        var rows = new List<ActivityLogRow>(raw.Count);
        foreach (var r in raw)
        {
            var bot = bots.GetValueOrDefault(r.BotId);
            rows.Add(new ActivityLogRow(r.Id, r.Timestamp, r.Level, r.UserId, bot?.Email ?? "", r.BotId, bot?.Name ?? "",
                r.Message, r.Details?.RootElement.GetRawText()));
            r.Details?.Dispose();
        }
        return rows;
    }

    private sealed record RawRow(long Id, DateTime Timestamp, ActivityLogLevel Level, int UserId, int BotId, string Message, JsonDocument? Details);
}

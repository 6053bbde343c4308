using System.Globalization;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlgoTrade.Core.Admin;

/// <summary>The activity log retention setting (app_settings), the table's size, and the batched purge.</summary>
public sealed class ActivityLogRetention(
    IDbContextFactory<AlgoTradeDbContext> dbFactory,
    IOptions<AdminOptions> options,
    TimeProvider clock,
    ILogger<ActivityLogRetention> logger)
{
    public const int MinDays = 1;
    public const int MaxDays = 3_650;

    /// <summary>Days of activity log kept, or null to keep everything.</summary>
    public async Task<int?> GetRetentionDaysAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var value = await db.AppSettings.AsNoTracking()
            .Where(s => s.Key == AppSettingKeys.ActivityLogRetentionDays).Select(s => s.Value).SingleOrDefaultAsync(ct);
        return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var days) ? days : null;
    }

    public async Task<AdminActionResult> SetRetentionDaysAsync(int adminUserId, int? days, CancellationToken ct = default)
    {
        if (days is < MinDays or > MaxDays)
            return AdminActionResult.Fail($"Retention must be between {MinDays} and {MaxDays} days, or empty to keep everything.");
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var setting = await db.AppSettings.SingleOrDefaultAsync(s => s.Key == AppSettingKeys.ActivityLogRetentionDays, ct);
        int? previous = setting is not null && int.TryParse(setting.Value, CultureInfo.InvariantCulture, out var p) ? p : null;
        if (previous == days) return AdminActionResult.Ok;
        if (days is null)
        {
            if (setting is not null) db.AppSettings.Remove(setting);
        }
        else if (setting is null)
        {
            db.AppSettings.Add(new AppSetting { Key = AppSettingKeys.ActivityLogRetentionDays, Value = days.Value.ToString(CultureInfo.InvariantCulture), UpdatedAt = now });
        }
        else
        {
            setting.Value = days.Value.ToString(CultureInfo.InvariantCulture);
            setting.UpdatedAt = now;
        }
        AdminAudit.Record(db, adminUserId, AdminActions.ChangeRetention, AdminActions.TargetSetting, AppSettingKeys.ActivityLogRetentionDays,
            new { from = previous, to = days }, now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        logger.LogInformation("Admin {AdminUserId} set activity log retention from {PreviousDays} to {Days} days", adminUserId, previous, days);
        return AdminActionResult.Ok;
    }

    public async Task<ActivityLogStorage> GetStorageAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var sizes = await db.Database.SqlQueryRaw<StorageRow>("""
            SELECT pg_total_relation_size(c.oid) AS total_bytes, pg_relation_size(c.oid) AS table_bytes,
                   pg_indexes_size(c.oid) AS index_bytes, (
            """ + ActivityLogRowEstimate.Sql + """
            ) AS approximate_rows
            FROM pg_class c WHERE c.oid = 'bot_activity_logs'::regclass
            """).SingleAsync(ct);
        var oldest = await db.BotActivityLogs.OrderBy(l => l.Timestamp).Select(l => (DateTime?)l.Timestamp).FirstOrDefaultAsync(ct);
        var newest = await db.BotActivityLogs.OrderByDescending(l => l.Timestamp).Select(l => (DateTime?)l.Timestamp).FirstOrDefaultAsync(ct);
        return new ActivityLogStorage(sizes.TotalBytes, sizes.TableBytes, sizes.IndexBytes, sizes.ApproximateRows, oldest, newest);
    }

    /// <summary>Applies the retention setting once; returns the rows deleted (0 when retention is off).</summary>
    public async Task<long> ApplyAsync(CancellationToken ct = default)
    {
        var days = await GetRetentionDaysAsync(ct);
        if (days is null) return 0;
        return await PurgeOlderThanAsync(clock.GetUtcNow().UtcDateTime.AddDays(-days.Value), ct);
    }

    /// <summary>
    /// Deletes rows with timestamp before <paramref name="cutoff"/> in batches of ids found through the timestamp index;
    /// each batch is its own short statement, so bots keep writing while a large backlog drains.
    /// </summary>
    public async Task<long> PurgeOlderThanAsync(DateTime cutoff, CancellationToken ct = default)
    {
        var batchSize = Math.Max(1, options.Value.RetentionBatchSize);
        long total = 0;
        while (true)
        {
            int deleted;
            await using (var db = await dbFactory.CreateDbContextAsync(ct))
            {
                deleted = await db.Database.ExecuteSqlAsync($"""
                    DELETE FROM bot_activity_logs WHERE id IN (
                        SELECT id FROM bot_activity_logs WHERE "timestamp" < {cutoff} ORDER BY "timestamp", id LIMIT {batchSize})
                    """, ct);
            }
            total += deleted;
            if (deleted < batchSize) break;
            await Task.Delay(options.Value.RetentionBatchPause, clock, ct);
        }
        if (total > 0)
            logger.LogInformation("Activity log retention deleted {Deleted} rows older than {Cutoff}", total, cutoff);
        return total;
    }

    private sealed record StorageRow(long TotalBytes, long TableBytes, long IndexBytes, long ApproximateRows);
}

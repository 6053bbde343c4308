using System.Text.Json;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Events;
using AlgoTrade.Core.Persistence;
using AlgoTrade.Core.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AlgoTrade.Core.Bots;

/// <summary>
/// What stopping bots means, for their owner and for an admin alike: bot_configs.is_active = false and
/// bot_state.status = 'stopped' in the caller's transaction, then, after commit, the scheduler drops each bot's job and
/// live views hear about it. The scheduler and the event hub are optional services, so this also works in a process
/// that does not schedule bots (the CLI).
/// </summary>
public sealed class BotStopper(IServiceProvider services, ILogger<BotStopper> logger)
{
    /// <param name="LogMessage">What the bot's activity log says about this stop; null when it was not running.</param>
    public sealed record StoppedBot(int BotId, int UserId, BotStatus PreviousStatus, string? LogMessage = null);

    /// <summary>
    /// Marks the bots stopped inside <paramref name="db"/>'s current transaction and returns them. Each bot that was
    /// running gets <paramref name="activityMessage"/> in its activity log, in the same transaction, so its owner sees who stopped it.
    /// </summary>
    public async Task<IReadOnlyList<StoppedBot>> MarkStoppedAsync(AlgoTradeDbContext db, IQueryable<BotConfig> bots, DateTime now, CancellationToken ct,
        string? activityMessage = null)
    {
        var targets = await bots
            .Select(b => new StoppedBot(b.Id, b.UserId, b.State == null ? BotStatus.Stopped : b.State.Status,
                activityMessage != null && (b.IsActive || (b.State != null && b.State.Status != BotStatus.Stopped)) ? activityMessage : null))
            .ToListAsync(ct);
        if (targets.Count == 0) return targets;
        var ids = targets.Select(t => t.BotId).ToList();
        await db.BotConfigs.Where(b => ids.Contains(b.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.IsActive, false).SetProperty(b => b.UpdatedAt, now), ct);
        await db.BotStates.Where(s => ids.Contains(s.BotConfigId))
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, BotStatus.Stopped).SetProperty(b => b.LastUpdatedAt, now), ct);
        foreach (var bot in targets.Where(t => t.LogMessage is not null))
            db.BotActivityLogs.Add(new BotActivityLog
            {
                BotConfigId = bot.BotId, UserId = bot.UserId, Timestamp = now, LogLevel = ActivityLogLevel.Info, Message = bot.LogMessage!,
                Details = JsonSerializer.SerializeToDocument(new { previousStatus = bot.PreviousStatus.ToText() }),
            });
        await db.SaveChangesAsync(ct);
        return targets;
    }

    /// <summary>Call after the transaction committed. A scheduler failure is logged, not thrown: the row already says stopped and the runner skips stopped bots.</summary>
    public async Task AfterCommitAsync(IReadOnlyList<StoppedBot> stopped, DateTime now, CancellationToken ct)
    {
        var schedulers = services.GetServices<IBotScheduleControl>().ToList();
        var hub = services.GetService<IBotEventHub>();
        foreach (var bot in stopped)
        {
            foreach (var scheduler in schedulers)
            {
                try
                {
                    await scheduler.UnscheduleAsync(bot.BotId, ct);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "Bot {BotId} is stopped in the database but its schedule could not be removed", bot.BotId);
                }
            }
            hub?.Publish(new BotStateChanged(bot.BotId, bot.UserId, now, BotStatus.Stopped));
            if (bot.LogMessage is { } message)
                hub?.Publish(new LogWritten(bot.BotId, bot.UserId, now, ActivityLogLevel.Info, message));
        }
    }
}

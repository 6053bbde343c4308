using System.Text.Json;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Events;
using AlgoTrade.Core.Persistence;
using AlgoTrade.Core.Runtime;
using AlgoTrade.Core.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AlgoTrade.Core.Bots;

/// <summary>
/// A trader's bots: list, create, edit, clone, delete, start and stop. Every query filters by the owner's user id
/// in the query itself; another user's bot is indistinguishable from a missing one.
/// </summary>
public sealed class BotService(
    IDbContextFactory<AlgoTradeDbContext> dbFactory,
    BotConfigValidator validator,
    IBotScheduleControl schedule,
    IBotEventHub events,
    BotStopper stopper,
    TimeProvider clock,
    ILogger<BotService> logger)
{
    public async Task<IReadOnlyList<BotSummary>> ListAsync(int userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.BotConfigs.AsNoTracking()
            .Where(b => b.UserId == userId)
            .OrderBy(b => b.Name).ThenBy(b => b.Id)
            .Select(b => new BotSummary(
                b.Id, b.Name, b.Symbol, b.Timeframe, b.ExchangeName, b.StrategyType, b.IsActive, b.CheckIntervalSeconds,
                b.State != null ? b.State.Status : BotStatus.Stopped,
                b.State != null && b.State.InPosition,
                b.State != null ? b.State.DailyPnl : 0m,
                b.State != null ? b.State.LastRunAt : null,
                b.State != null ? b.State.LastErrorMessage : null))
            .ToListAsync(ct);
    }

    /// <summary>The user's bot with its state, detached; null when it does not exist or belongs to someone else.</summary>
    public async Task<BotConfig?> GetAsync(int userId, int botId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.BotConfigs.AsNoTracking().Include(b => b.State)
            .SingleOrDefaultAsync(b => b.Id == botId && b.UserId == userId, ct);
    }

    public async Task<BotOperationResult> CreateAsync(int userId, BotConfig draft, CancellationToken ct = default)
    {
        Normalize(draft);
        var errors = await validator.ValidateAsync(userId, draft, ct);
        if (errors.Count > 0)
            return BotOperationResult.Invalid(errors);

        var now = clock.GetUtcNow().UtcDateTime;
        var bot = new BotConfig { UserId = userId, CreatedAt = now };
        CopySettings(draft, bot);
        bot.UpdatedAt = now;
        bot.IsActive = false;
        bot.State = new BotState { Status = BotStatus.Stopped, LastUpdatedAt = now };
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.BotConfigs.Add(bot);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("User {UserId} created bot {BotId} ({Exchange} {Symbol} {Timeframe}, {Strategy})",
            userId, bot.Id, bot.ExchangeName, bot.Symbol, bot.Timeframe, bot.StrategyType);
        return BotOperationResult.Ok(bot);
    }

    /// <summary>
    /// Saves new settings. A running bot reads them on its next tick; a changed check interval is rescheduled now.
    /// The exchange and symbol cannot change while the bot holds a position, which would strand it.
    /// </summary>
    public async Task<BotOperationResult> UpdateAsync(int userId, int botId, BotConfig draft, CancellationToken ct = default)
    {
        Normalize(draft);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var bot = await db.BotConfigs.Include(b => b.State).SingleOrDefaultAsync(b => b.Id == botId && b.UserId == userId, ct);
        if (bot is null)
            return BotOperationResult.NotFound;

        var errors = new ValidationErrors();
        errors.AddAll(await validator.ValidateAsync(userId, draft, ct));
        if (bot.State?.InPosition == true)
        {
            if (draft.ExchangeName != bot.ExchangeName)
                errors.Add("exchange_name", "The bot holds a position on this exchange; stop it and close the position before changing the exchange.");
            if (draft.Symbol != bot.Symbol)
                errors.Add("symbol", $"The bot holds a {bot.Symbol} position; stop it and close the position before changing the symbol.");
        }
        if (!errors.IsEmpty)
            return BotOperationResult.Invalid(errors.ToDictionary());

        var previousInterval = bot.CheckIntervalSeconds;
        CopySettings(draft, bot);
        bot.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        logger.LogInformation("User {UserId} updated bot {BotId}", userId, botId);

        if (bot.IsActive && bot.CheckIntervalSeconds != previousInterval)
        {
            await schedule.ScheduleAsync(botId, bot.CheckIntervalSeconds, ct);
            logger.LogInformation("Bot {BotId} rescheduled from {OldInterval}s to {NewInterval}s", botId, previousInterval, bot.CheckIntervalSeconds);
        }
        return BotOperationResult.Ok(bot);
    }

    /// <summary>A stopped copy with the same settings and a fresh state.</summary>
    public async Task<BotOperationResult> CloneAsync(int userId, int botId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var source = await db.BotConfigs.AsNoTracking().SingleOrDefaultAsync(b => b.Id == botId && b.UserId == userId, ct);
        if (source is null)
            return BotOperationResult.NotFound;

        var now = clock.GetUtcNow().UtcDateTime;
        var copy = new BotConfig { UserId = userId, CreatedAt = now, UpdatedAt = now };
        CopySettings(source, copy);
        copy.Name = CopyName(source.Name);
        copy.State = new BotState { Status = BotStatus.Stopped, LastUpdatedAt = now };
        db.BotConfigs.Add(copy);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("User {UserId} cloned bot {SourceBotId} into {BotId}", userId, botId, copy.Id);
        return BotOperationResult.Ok(copy);
    }

    /// <summary>Trades and activity log entries of the user's bot; null when it is not theirs.</summary>
    public async Task<BotHistoryCounts?> GetHistoryCountsAsync(int userId, int botId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.BotConfigs.AnyAsync(b => b.Id == botId && b.UserId == userId, ct))
            return null;
        var trades = await db.Trades.CountAsync(t => t.BotConfigId == botId && t.UserId == userId, ct);
        var logs = await db.BotActivityLogs.CountAsync(l => l.BotConfigId == botId && l.UserId == userId, ct);
        return new BotHistoryCounts(trades, logs);
    }

    /// <summary>
    /// Stops the bot if it runs, then deletes it. A bot with trades or logs is only deleted when
    /// <paramref name="deleteHistory"/> says the caller explicitly agreed to lose them (the database cascades).
    /// </summary>
    public async Task<BotOperationResult> DeleteAsync(int userId, int botId, bool deleteHistory, CancellationToken ct = default)
    {
        var history = await GetHistoryCountsAsync(userId, botId, ct);
        if (history is null)
            return BotOperationResult.NotFound;
        if (!history.IsEmpty && !deleteHistory)
            return new BotOperationResult(BotOperationStatus.HasHistory, History: history);

        await StopAsync(userId, botId, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var deleted = await db.BotConfigs.Where(b => b.Id == botId && b.UserId == userId).ExecuteDeleteAsync(ct);
        if (deleted == 0)
            return BotOperationResult.NotFound;
        logger.LogInformation("User {UserId} deleted bot {BotId} with {Trades} trades and {LogEntries} log entries",
            userId, botId, history.Trades, history.LogEntries);
        return new BotOperationResult(BotOperationStatus.Ok, History: history);
    }

    /// <summary>Validates again (a key may have been deleted since), then marks the bot running and schedules its ticks.</summary>
    public async Task<BotOperationResult> StartAsync(int userId, int botId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var bot = await db.BotConfigs.Include(b => b.State).SingleOrDefaultAsync(b => b.Id == botId && b.UserId == userId, ct);
        if (bot is null)
            return BotOperationResult.NotFound;
        var errors = await validator.ValidateAsync(userId, bot, ct);
        if (errors.Count > 0)
            return BotOperationResult.Invalid(errors);

        var now = clock.GetUtcNow().UtcDateTime;
        bot.IsActive = true;
        bot.State ??= new BotState { BotConfigId = bot.Id };
        bot.State.Status = BotStatus.Running;
        bot.State.LastErrorMessage = null;
        bot.State.ConsecutiveFailures = 0;
        bot.State.LastUpdatedAt = now;
        var started = $"Started by its owner; checks every {bot.CheckIntervalSeconds} s.";
        db.BotActivityLogs.Add(new BotActivityLog
        {
            BotConfigId = bot.Id, UserId = userId, Timestamp = now, LogLevel = ActivityLogLevel.Info, Message = started,
        });
        await db.SaveChangesAsync(ct);
        await schedule.ScheduleAsync(bot.Id, bot.CheckIntervalSeconds, ct);
        logger.LogInformation("User {UserId} started bot {BotId} every {IntervalSeconds}s", userId, botId, bot.CheckIntervalSeconds);
        events.Publish(new BotStateChanged(bot.Id, userId, now, BotStatus.Running));
        events.Publish(new LogWritten(bot.Id, userId, now, ActivityLogLevel.Info, started));
        return BotOperationResult.Ok(bot);
    }

    /// <summary>Marks the bot stopped and removes its schedule; an open position stays open.</summary>
    public async Task<BotOperationResult> StopAsync(int userId, int botId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        IReadOnlyList<BotStopper.StoppedBot> stopped;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            stopped = await stopper.MarkStoppedAsync(db, db.BotConfigs.Where(b => b.Id == botId && b.UserId == userId), now, ct,
                "Stopped by its owner. An open position stays open.");
        if (stopped.Count == 0)
            return BotOperationResult.NotFound;
        await stopper.AfterCommitAsync(stopped, now, ct);
        logger.LogInformation("User {UserId} stopped bot {BotId}", userId, botId);
        return BotOperationResult.Ok();
    }

    /// <summary>
    /// Asks the running bot to sell its whole position at the market: the flag is set in bot_state and the bot's tick
    /// runs now, which sells and records the exit with reason "manual". A stopped bot does not tick, so it must be
    /// started first; the flag is only set while the bot holds a position.
    /// </summary>
    public async Task<BotOperationResult> RequestForceExitAsync(int userId, int botId, CancellationToken ct = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var bot = await db.BotConfigs.AsNoTracking().Where(b => b.Id == botId && b.UserId == userId)
                .Select(b => new { b.IsActive, Status = b.State != null ? b.State.Status : BotStatus.Stopped, InPosition = b.State != null && b.State.InPosition })
                .SingleOrDefaultAsync(ct);
            if (bot is null)
                return BotOperationResult.NotFound;
            if (!bot.InPosition)
                return BotOperationResult.Invalid(new Dictionary<string, string[]> { ["position"] = ["The bot holds no position to exit."] });
            if (!bot.IsActive || bot.Status is not (BotStatus.Running or BotStatus.Paused))
                return BotOperationResult.Invalid(new Dictionary<string, string[]> { ["status"] = ["Only a running bot can sell: start it, then force the exit."] });
            // Column update only, so a tick committing at this moment keeps its own columns; the flag survives until a tick acts on it.
            var updated = await db.BotStates.Where(s => s.BotConfigId == botId && s.BotConfig!.UserId == userId && s.InPosition)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.ForceExitRequested, true), ct);
            if (updated == 0)
                return BotOperationResult.Invalid(new Dictionary<string, string[]> { ["position"] = ["The bot holds no position to exit."] });
        }
        await schedule.TriggerNowAsync(botId, ct);
        logger.LogInformation("User {UserId} requested a force exit of bot {BotId}", userId, botId);
        return BotOperationResult.Ok();
    }

    private static void Normalize(BotConfig draft)
    {
        draft.Name = draft.Name?.Trim() ?? "";
        draft.Symbol = draft.Symbol?.Trim().ToUpperInvariant() ?? "";
        draft.Timeframe = draft.Timeframe?.Trim() ?? "";
        draft.ExchangeName = draft.ExchangeName?.Trim() ?? "";
        draft.StrategyType = draft.StrategyType?.Trim() ?? "";
    }

    private static void CopySettings(BotConfig from, BotConfig to)
    {
        to.Name = from.Name;
        to.Symbol = from.Symbol;
        to.Timeframe = from.Timeframe;
        to.ExchangeName = from.ExchangeName;
        to.StrategyType = from.StrategyType;
        to.StrategyParams = Copy(from.StrategyParams);
        to.Risk = from.Risk;
        to.CheckIntervalSeconds = from.CheckIntervalSeconds;
    }

    private static JsonDocument Copy(JsonDocument document) => JsonDocument.Parse(document.RootElement.GetRawText());

    private static string CopyName(string name)
    {
        const string suffix = " (copy)";
        var room = BotConfigValidator.MaxNameLength - suffix.Length;
        return (name.Length > room ? name[..room] : name) + suffix;
    }
}

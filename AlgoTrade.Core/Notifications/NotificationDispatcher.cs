using System.Collections.Concurrent;
using System.Threading.Channels;
using AlgoTrade.Core.Events;
using AlgoTrade.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlgoTrade.Core.Notifications;

/// <summary>
/// Turns bot events into webhook calls off the tick's path: <see cref="TryEnqueue"/> only writes to a bounded queue
/// (a full queue drops with a warning rather than slow the publisher) and a few workers deliver from it. The host
/// must feed it only events published on its own node, so a cluster sends each notification once.
/// </summary>
public sealed class NotificationDispatcher(
    NotificationPreferenceCache preferences,
    WebhookSender sender,
    IDbContextFactory<AlgoTradeDbContext> dbFactory,
    IOptions<NotificationOptions> options,
    ILogger<NotificationDispatcher> logger) : BackgroundService
{
    private readonly Channel<(BotEvent Event, string Type)> _queue = Channel.CreateBounded<(BotEvent, string)>(
        new BoundedChannelOptions(Math.Max(1, options.Value.QueueCapacity)) { FullMode = BoundedChannelFullMode.Wait });

    // A bot blocked by a daily limit logs that on every candle until midnight; its owner hears about it once a day.
    private readonly ConcurrentDictionary<int, DateOnly> _dailyLimitNotified = new();

    /// <summary>Called on the publisher's thread: never blocks. Returns false when the event was dropped.</summary>
    public bool TryEnqueue(BotEvent botEvent)
    {
        if (NotificationTypes.Classify(botEvent) is not { } type) return true;
        if (type == NotificationTypes.DailyLimitReached)
        {
            var day = DateOnly.FromDateTime(botEvent.OccurredAt);
            if (_dailyLimitNotified.TryGetValue(botEvent.BotId, out var last) && last == day) return true;
            _dailyLimitNotified[botEvent.BotId] = day;
        }
        if (_queue.Writer.TryWrite((botEvent, type))) return true;
        logger.LogWarning("Notification queue is full ({Capacity}); dropped {NotificationType} for bot {BotId} of user {UserId}",
            options.Value.QueueCapacity, type, botEvent.BotId, botEvent.UserId);
        return false;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Math.Max(1, options.Value.Workers)).Select(_ => WorkAsync(stoppingToken)));

    private async Task WorkAsync(CancellationToken ct)
    {
        try
        {
            await foreach (var (botEvent, type) in _queue.Reader.ReadAllAsync(ct))
            {
                try
                {
                    await DeliverAsync(botEvent, type, ct);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    logger.LogWarning(ex, "Could not deliver {NotificationType} for bot {BotId} of user {UserId}", type, botEvent.BotId, botEvent.UserId);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    private async Task DeliverAsync(BotEvent botEvent, string type, CancellationToken ct)
    {
        var snapshot = await preferences.GetAsync(botEvent.UserId, ct);
        if (!snapshot.Webhooks.TryGetValue(type, out var url)) return;
        if (snapshot.SigningSecret is null)
        {
            logger.LogWarning("User {UserId} has a {NotificationType} webhook but no signing secret; not sent", botEvent.UserId, type);
            return;
        }

        BotSummary? bot;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            bot = await db.BotConfigs.AsNoTracking().Where(b => b.Id == botEvent.BotId && b.UserId == botEvent.UserId)
                .Select(b => new BotSummary(b.Name, b.Symbol, b.State != null ? b.State.LastErrorMessage : null)).SingleOrDefaultAsync(ct);
        if (bot is null) return; // deleted meanwhile

        var payload = botEvent switch
        {
            TradeExecuted t => new WebhookPayload(type, t.BotId, bot.Name, t.Symbol, t.Side, t.Price, t.Quantity, t.Pnl, t.Reason, t.OccurredAt),
            LogWritten l => new WebhookPayload(type, l.BotId, bot.Name, bot.Symbol, null, null, null, null, l.Message, l.OccurredAt),
            _ => new WebhookPayload(type, botEvent.BotId, bot.Name, bot.Symbol, null, null, null, null, bot.LastError, botEvent.OccurredAt),
        };
        await sender.DeliverAsync(url, payload.ToUtf8Json(), snapshot.SigningSecret, type, botEvent.UserId, botEvent.BotId, ct);
    }

    private sealed record BotSummary(string Name, string Symbol, string? LastError);
}

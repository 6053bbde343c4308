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
    NotificationEmailer emailer,
    IDbContextFactory<AlgoTradeDbContext> dbFactory,
    IOptions<NotificationOptions> options,
    ILogger<NotificationDispatcher> logger) : BackgroundService, INotificationSink
{
    private readonly Channel<QueuedNotification> _queue = Channel.CreateBounded<QueuedNotification>(
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
        if (_queue.Writer.TryWrite(new QueuedNotification(type, botEvent.UserId, botEvent, null))) return true;
        logger.LogWarning("Notification queue is full ({Capacity}); dropped {NotificationType} for bot {BotId} of user {UserId}",
            options.Value.QueueCapacity, type, botEvent.BotId, botEvent.UserId);
        return false;
    }

    /// <summary>Account and backtest notifications: same queue, same workers, same channels as bot events.</summary>
    public void Notify(int userId, string type, NotificationMessage message)
    {
        if (_queue.Writer.TryWrite(new QueuedNotification(type, userId, null, message))) return;
        logger.LogWarning("Notification queue is full ({Capacity}); dropped {NotificationType} of user {UserId}", options.Value.QueueCapacity, type, userId);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Math.Max(1, options.Value.Workers)).Select(_ => WorkAsync(stoppingToken)));

    private async Task WorkAsync(CancellationToken ct)
    {
        try
        {
            await foreach (var item in _queue.Reader.ReadAllAsync(ct))
            {
                try
                {
                    if (item.Event is { } botEvent)
                        await DeliverAsync(botEvent, item.Type, ct);
                    else
                        await DeliverAsync(item.UserId, item.Type, item.Message!, ct);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    logger.LogWarning(ex, "Could not deliver {NotificationType} for bot {BotId} of user {UserId}", item.Type, item.Event?.BotId, item.UserId);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    private async Task DeliverAsync(int userId, string type, NotificationMessage message, CancellationToken ct)
    {
        var snapshot = await preferences.GetAsync(userId, ct);
        await emailer.SendAsync(snapshot, userId, type, message, ct);
        if (!snapshot.Webhooks.TryGetValue(type, out var url)) return;
        if (snapshot.SigningSecret is null)
        {
            logger.LogWarning("User {UserId} has a {NotificationType} webhook but no signing secret; not sent", userId, type);
            return;
        }
        await sender.DeliverAsync(url, message.Payload.ToUtf8Json(), snapshot.SigningSecret, type, userId, message.Payload.BotId, ct);
    }

    private async Task DeliverAsync(BotEvent botEvent, string type, CancellationToken ct)
    {
        var snapshot = await preferences.GetAsync(botEvent.UserId, ct);
        var wantsEmail = snapshot.VerifiedEmail is not null && snapshot.EmailTypes.Contains(type);
        var hasWebhook = snapshot.Webhooks.TryGetValue(type, out var url);
        if (!hasWebhook && !wantsEmail) return;
        if (hasWebhook && snapshot.SigningSecret is null)
        {
            logger.LogWarning("User {UserId} has a {NotificationType} webhook but no signing secret; not sent", botEvent.UserId, type);
            hasWebhook = false;
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
        if (wantsEmail)
            await emailer.SendAsync(snapshot, botEvent.UserId, type, NotificationEmailer.Describe(type, payload), ct);
        if (hasWebhook)
            await sender.DeliverAsync(url!, payload.ToUtf8Json(), snapshot.SigningSecret!, type, botEvent.UserId, botEvent.BotId, ct);
    }

    private sealed record BotSummary(string Name, string Symbol, string? LastError);

    private sealed record QueuedNotification(string Type, int UserId, BotEvent? Event, NotificationMessage? Message);
}

using System.Globalization;
using AlgoTrade.Core.Email;

namespace AlgoTrade.Core.Notifications;

/// <summary>Puts a notification into the email outbox when the user switched email on for its type and verified the address.</summary>
public sealed class NotificationEmailer(EmailOutbox outbox, EmailTemplates templates)
{
    public async Task SendAsync(UserNotificationSnapshot snapshot, int userId, string type, NotificationMessage message, CancellationToken ct)
    {
        if (snapshot.VerifiedEmail is not { } to || !snapshot.EmailTypes.Contains(type) || !outbox.IsAvailable) return;
        var content = templates.Notification(userId, type, message.Subject, message.Heading, message.Lines, message.LinkPath);
        await outbox.EnqueueAsync(userId, type, to, content, ct);
    }

    /// <summary>The email wording of a bot event's webhook payload.</summary>
    public static NotificationMessage Describe(string type, WebhookPayload p)
    {
        static string N(decimal? v) => v?.ToString("0.########", CultureInfo.InvariantCulture) ?? "—";
        var time = p.Time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";
        return type switch
        {
            NotificationTypes.TradeExecuted => new(
                $"{p.BotName}: {p.Side} {N(p.Quantity)} {p.Symbol} at {N(p.Price)}",
                $"{p.BotName} {(p.Side == "SELL" ? "sold" : "bought")} {p.Symbol}",
                [$"Side: {p.Side}", $"Quantity: {N(p.Quantity)}", $"Price: {N(p.Price)}",
                 .. p.Pnl is null ? Array.Empty<string>() : [$"Profit/loss: {N(p.Pnl)}"], $"Reason: {p.Reason ?? "—"}", $"Time: {time}"],
                $"/bots/{p.BotId}", p),
            NotificationTypes.BotError => new(
                $"{p.BotName} stopped with an error",
                $"{p.BotName} ({p.Symbol}) stopped with status error",
                [$"Error: {p.Reason ?? "—"}", $"Time: {time}", "Fix the cause, then start the bot again from its page."],
                $"/bots/{p.BotId}", p),
            NotificationTypes.DailyLimitReached => new(
                $"{p.BotName} hit its daily limit",
                $"{p.BotName} ({p.Symbol}) is paused until 00:00 UTC",
                [p.Reason ?? "The daily profit target or loss limit blocked an entry.", $"Time: {time}"],
                $"/bots/{p.BotId}", p),
            _ => new(type, type, [p.Reason ?? "", $"Time: {time}"], null, p),
        };
    }
}

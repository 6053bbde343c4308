using System.Globalization;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Notifications;

namespace AlgoTrade.Core.ApiKeys;

/// <summary>The wording of the "API key found invalid" notification (email lines and webhook body).</summary>
public static class ApiKeyNotifications
{
    /// <param name="label">The key's label, or null when the runtime found it (it knows the exchange, not which key).</param>
    /// <param name="botName">The bot whose tick was refused, when the runtime found it.</param>
    public static NotificationMessage Rejected(string exchangeName, string? label, string reason, int botId, string? botName, DateTime at)
    {
        var exchange = ExchangeNames.DisplayName(exchangeName);
        var time = at.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";
        var key = label is null ? $"your {exchange} API key" : $"your {exchange} API key \"{label}\"";
        IReadOnlyList<string> lines = botName is null
            ? [$"{exchange} refused {key} when it was checked.", $"Reason: {reason}", $"Time: {time}",
               "Bots on this exchange cannot trade with it. Create a new key on the exchange and add it on the API keys page."]
            : [$"{exchange} refused {key} while {botName} was running; the bot is stopped with status error.", $"Reason: {reason}", $"Time: {time}",
               "Add a working key on the API keys page, then start the bot again."];
        return new NotificationMessage(
            $"{exchange} rejected {key}",
            "An API key was rejected by the exchange",
            lines,
            "/apikeys",
            new WebhookPayload(NotificationTypes.ApiKeyInvalid, botId, botName ?? "", null, null, null, null, null, reason, at));
    }
}

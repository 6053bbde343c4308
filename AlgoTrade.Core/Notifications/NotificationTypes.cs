using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Events;

namespace AlgoTrade.Core.Notifications;

/// <summary>The values of <c>user_notification_preferences.notification_type</c> and which bot event each one follows.</summary>
public static class NotificationTypes
{
    public const string TradeExecuted = "trade_executed";
    public const string BotError = "bot_error";
    public const string DailyLimitReached = "daily_limit_reached";
    public const string BacktestFinished = "backtest_finished";
    public const string ApiKeyInvalid = "api_key_invalid";
    public const string NewSignIn = "new_sign_in";
    public const string PasswordChanged = "password_changed";

    /// <summary>The runtime's activity log message when a daily profit target or loss limit blocks an entry.</summary>
    public const string DailyLimitLogPrefix = "Entry blocked";

    public static IReadOnlyList<NotificationTypeInfo> All { get; } =
    [
        new(TradeExecuted, "Trade executed", "A bot bought or sold."),
        new(BotError, "Bot error", "A bot stopped with status error (repeated or permanent failures)."),
        new(DailyLimitReached, "Daily limit reached", "A bot's daily profit target or loss limit blocked an entry; it is paused until 00:00 UTC."),
        new(BacktestFinished, "Backtest finished", "A backtest you started completed or failed."),
        new(ApiKeyInvalid, "API key rejected", "The exchange refused one of your API keys when it was checked."),
        new(NewSignIn, "Sign-in from a new device", "Your account was signed in from a browser or network it had not used before."),
        new(PasswordChanged, "Password changed", "Your password was changed or reset."),
    ];

    public static bool IsKnown(string type) => All.Any(t => t.Type == type);

    /// <summary>The notification an event raises, or null for events nobody is notified about.</summary>
    public static string? Classify(BotEvent botEvent) => botEvent switch
    {
        Events.TradeExecuted => TradeExecuted,
        BotStateChanged { Status: BotStatus.Error } => BotError,
        LogWritten log when log.Message.StartsWith(DailyLimitLogPrefix, StringComparison.Ordinal) => DailyLimitReached,
        _ => null,
    };
}

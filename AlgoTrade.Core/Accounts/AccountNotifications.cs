using System.Globalization;
using AlgoTrade.Core.Notifications;

namespace AlgoTrade.Core.Accounts;

/// <summary>The wording of account notifications (email lines and webhook body).</summary>
public static class AccountNotifications
{
    private static string Time(DateTime at) => at.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";

    public static NotificationMessage PasswordChanged(string how, DateTime at) => new(
        "Your AlgoTrade password was changed",
        "Your password was changed",
        [$"The password of your account was {how} at {Time(at)}.", "Every other session was signed out.",
         "If this was not you, reset your password now and check your API keys."],
        "/account/forgot-password",
        new WebhookPayload(NotificationTypes.PasswordChanged, 0, "", null, null, null, null, null, how, at));

    public static NotificationMessage NewSignIn(string device, string? ip, DateTime at) => new(
        "New sign-in to your AlgoTrade account",
        "New sign-in from a device or network not seen before",
        [$"Device: {device}", $"IP address: {ip ?? "unknown"}", $"Time: {Time(at)}",
         "If this was not you, end that session on the Sessions page and change your password."],
        "/account/sessions",
        new WebhookPayload(NotificationTypes.NewSignIn, 0, "", null, null, null, null, null, $"{device} from {ip ?? "unknown"}", at));
}

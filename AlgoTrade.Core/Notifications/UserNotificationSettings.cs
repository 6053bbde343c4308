namespace AlgoTrade.Core.Notifications;

/// <param name="Types">One entry per known type, in <see cref="NotificationTypes.All"/> order (defaults when never saved).</param>
/// <param name="HasSigningSecret">Whether a signing secret exists; the secret itself is never read back.</param>
/// <param name="EmailAvailable">Whether this server can send email at all.</param>
/// <param name="EmailVerified">Whether the account's address is verified; email notifications wait for it.</param>
public sealed record UserNotificationSettings(IReadOnlyList<NotificationSetting> Types, bool HasSigningSecret, bool EmailAvailable,
    bool EmailVerified = false, string Email = "", bool DigestEnabled = false, int DigestHourUtc = 7);

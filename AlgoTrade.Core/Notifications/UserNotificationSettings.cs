namespace AlgoTrade.Core.Notifications;

/// <param name="Types">One entry per known type, in <see cref="NotificationTypes.All"/> order (defaults when never saved).</param>
/// <param name="HasSigningSecret">Whether a signing secret exists; the secret itself is never read back.</param>
/// <param name="EmailAvailable">Whether this server can send email at all.</param>
public sealed record UserNotificationSettings(IReadOnlyList<NotificationSetting> Types, bool HasSigningSecret, bool EmailAvailable);

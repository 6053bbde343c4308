using AlgoTrade.Core.Domain;

namespace AlgoTrade.Core.Notifications;

/// <summary>What delivery needs of one user: enabled webhooks by type and the decrypted signing secret.</summary>
public sealed record UserNotificationSnapshot(IReadOnlyDictionary<string, Uri> Webhooks, string? SigningSecret)
{
    public static UserNotificationSnapshot From(IEnumerable<UserNotificationPreference> rows, string? secret) => new(
        rows.Where(r => r.WebhookEnabled && r.WebhookUrl is not null && Uri.IsWellFormedUriString(r.WebhookUrl, UriKind.Absolute))
            .ToDictionary(r => r.NotificationType, r => new Uri(r.WebhookUrl!)),
        secret);
}

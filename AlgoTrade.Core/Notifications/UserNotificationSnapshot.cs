using AlgoTrade.Core.Domain;

namespace AlgoTrade.Core.Notifications;

/// <summary>
/// What delivery needs of one user: enabled webhooks by type, the decrypted signing secret, the types to email and the
/// address to email them to (null until the address is verified: email notifications wait for verification).
/// </summary>
public sealed record UserNotificationSnapshot(IReadOnlyDictionary<string, Uri> Webhooks, string? SigningSecret,
    IReadOnlySet<string> EmailTypes, string? VerifiedEmail)
{
    public static UserNotificationSnapshot From(IEnumerable<UserNotificationPreference> rows, string? secret, string? verifiedEmail = null)
    {
        var list = rows.ToList();
        return new(
            list.Where(r => r.WebhookEnabled && r.WebhookUrl is not null && Uri.IsWellFormedUriString(r.WebhookUrl, UriKind.Absolute))
                .ToDictionary(r => r.NotificationType, r => new Uri(r.WebhookUrl!)),
            secret,
            list.Where(r => r.EmailEnabled).Select(r => r.NotificationType).ToHashSet(),
            verifiedEmail);
    }
}

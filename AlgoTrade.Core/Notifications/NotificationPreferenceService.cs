using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Email;
using AlgoTrade.Core.Persistence;
using AlgoTrade.Core.Security;
using AlgoTrade.Core.Trading;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlgoTrade.Core.Notifications;

/// <summary>
/// A user's notification preferences and webhook signing secret. Every query filters by user id; the secret is stored
/// protected and its plaintext only leaves here right after it was generated.
/// </summary>
public sealed class NotificationPreferenceService(
    IDbContextFactory<AlgoTradeDbContext> dbFactory,
    SecretProtector protector,
    NotificationPreferenceCache cache,
    WebhookSender sender,
    WebhookTargetGuard targets,
    EmailOutbox outbox,
    TimeProvider clock,
    IOptions<NotificationOptions> options,
    ILogger<NotificationPreferenceService> logger)
{
    public const string EmailUnavailableMessage = "Email delivery is not configured on this server.";

    public const string DigestHourMessage = "Choose an hour from 0 to 23 (UTC).";

    /// <summary>Email can be switched on only where an SMTP server is configured (Smtp:Host and Smtp:From).</summary>
    public bool EmailAvailable => outbox.IsAvailable;

    public async Task<UserNotificationSettings> GetAsync(int userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.UserNotificationPreferences.AsNoTracking().Where(p => p.UserId == userId).ToListAsync(ct);
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { HasSecret = u.NotificationSigningSecret != null, u.EmailVerifiedAt, u.Email, u.DigestEnabled, u.DigestHourUtc })
            .SingleAsync(ct);
        var types = NotificationTypes.All.Select(t => rows.FirstOrDefault(r => r.NotificationType == t.Type) is { } r
            ? new NotificationSetting(t.Type, r.WebhookEnabled, r.WebhookUrl, r.EmailEnabled)
            : new NotificationSetting(t.Type, false, null, false)).ToList();
        return new UserNotificationSettings(types, user.HasSecret, EmailAvailable, user.EmailVerifiedAt is not null, user.Email,
            user.DigestEnabled, user.DigestHourUtc);
    }

    public IReadOnlyList<string> ValidateWebhookUrl(string? url, bool required) =>
        WebhookUrlValidator.Validate(url, required, options.Value.AllowLoopbackHttp);

    public async Task<SaveNotificationsResult> SaveAsync(int userId, IReadOnlyList<NotificationSetting> settings, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var setting in settings)
        {
            var messages = new List<string>();
            if (!NotificationTypes.IsKnown(setting.Type))
                messages.Add("Unknown notification type.");
            messages.AddRange(ValidateWebhookUrl(setting.WebhookUrl, setting.WebhookEnabled));
            if (setting.EmailEnabled && !EmailAvailable)
                messages.Add(EmailUnavailableMessage);
            if (messages.Count == 0 && !string.IsNullOrWhiteSpace(setting.WebhookUrl))
                messages.AddRange(await targets.ValidateAsync(new Uri(setting.WebhookUrl.Trim()), ct));
            if (messages.Count > 0)
                errors[setting.Type] = messages;
        }
        if (errors.Count > 0)
            return new SaveNotificationsResult(errors, null);

        var now = clock.GetUtcNow().UtcDateTime;
        string? newSecret = null;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var rows = await db.UserNotificationPreferences.Where(p => p.UserId == userId).ToListAsync(ct);
            foreach (var setting in settings)
            {
                var row = rows.FirstOrDefault(r => r.NotificationType == setting.Type);
                if (row is null)
                {
                    row = new UserNotificationPreference { UserId = userId, NotificationType = setting.Type, CreatedAt = now };
                    db.UserNotificationPreferences.Add(row);
                }
                row.WebhookEnabled = setting.WebhookEnabled;
                row.WebhookUrl = string.IsNullOrWhiteSpace(setting.WebhookUrl) ? null : setting.WebhookUrl.Trim();
                row.EmailEnabled = setting.EmailEnabled;
                row.UpdatedAt = now;
            }
            if (settings.Any(s => s.WebhookEnabled))
                newSecret = await EnsureSecretAsync(db, userId, ct);
            await db.SaveChangesAsync(ct);
        }
        cache.Invalidate(userId);
        logger.LogInformation("User {UserId} saved notification preferences: webhooks on for {WebhookTypes}",
            userId, string.Join(",", settings.Where(s => s.WebhookEnabled).Select(s => s.Type)));
        return new SaveNotificationsResult(errors, newSecret);
    }

    /// <summary>The daily summary email: on or off, and the UTC hour it is sent at.</summary>
    public async Task<IReadOnlyList<string>> SaveDigestAsync(int userId, bool enabled, int hourUtc, CancellationToken ct = default)
    {
        if (hourUtc is < 0 or > 23) return [DigestHourMessage];
        if (enabled && !EmailAvailable) return [EmailUnavailableMessage];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s
            .SetProperty(u => u.DigestEnabled, enabled).SetProperty(u => u.DigestHourUtc, hourUtc), ct);
        logger.LogInformation("User {UserId} set the daily digest {DigestEnabled} at {DigestHour}:00 UTC", userId, enabled, hourUtc);
        return [];
    }

    /// <summary>What an unsubscribe link does: switches email off for one type (or the digest). Needs no sign-in.</summary>
    public async Task<bool> UnsubscribeAsync(int userId, string type, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        int changed;
        if (type == EmailKinds.Digest)
            changed = await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.DigestEnabled, false), ct);
        else if (NotificationTypes.IsKnown(type))
            changed = await db.UserNotificationPreferences.Where(p => p.UserId == userId && p.NotificationType == type)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.EmailEnabled, false).SetProperty(p => p.UpdatedAt, clock.GetUtcNow().UtcDateTime), ct)
                + (await db.Users.AnyAsync(u => u.Id == userId, ct) ? 1 : 0);
        else
            return false;
        cache.Invalidate(userId);
        logger.LogInformation("User {UserId} unsubscribed from {NotificationType} emails", userId, type);
        return changed > 0;
    }

    /// <summary>Replaces the signing secret; receivers must be given the returned value, which is not shown again.</summary>
    public async Task<string> RegenerateSecretAsync(int userId, CancellationToken ct = default)
    {
        var secret = WebhookSigner.NewSecret();
        var protectedSecret = protector.Protect(SecretPurpose.WebhookSigningSecret, secret);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var updated = await db.Users.Where(u => u.Id == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.NotificationSigningSecret, protectedSecret), ct);
        if (updated == 0) throw new InvalidOperationException("The user does not exist.");
        cache.Invalidate(userId);
        logger.LogInformation("User {UserId} generated a new webhook signing secret", userId);
        return secret;
    }

    /// <summary>POSTs a signed sample of the type to the URL once (no retries) and reports the receiver's answer.</summary>
    public async Task<TestWebhookResult> SendTestAsync(int userId, string type, string? url, CancellationToken ct = default)
    {
        var errors = ValidateWebhookUrl(url, required: true);
        if (errors.Count == 0)
            errors = await targets.ValidateAsync(new Uri(url!.Trim()), ct);
        if (errors.Count > 0 || !NotificationTypes.IsKnown(type))
            return new TestWebhookResult(errors.Count > 0 ? errors : ["Unknown notification type."], null, null);

        string? newSecret = null;
        string secret;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var protectedSecret = await db.Users.Where(u => u.Id == userId).Select(u => u.NotificationSigningSecret).SingleAsync(ct);
            if (protectedSecret is null)
            {
                newSecret = await EnsureSecretAsync(db, userId, ct);
                await db.SaveChangesAsync(ct);
                cache.Invalidate(userId);
                secret = newSecret!;
            }
            else
            {
                secret = protector.Unprotect(SecretPurpose.WebhookSigningSecret, protectedSecret);
            }
        }
        var uri = new Uri(url!.Trim());
        var payload = new WebhookPayload(type, 0, "Test bot", "BTCUSDT", OrderSideText.Buy, 64000m, 0.01m, null, "test", clock.GetUtcNow().UtcDateTime, Test: true);
        var attempt = await sender.SendOnceAsync(uri, payload.ToUtf8Json(), secret, Guid.NewGuid().ToString("N"), ct);
        logger.LogInformation("User {UserId} sent a test webhook {NotificationType} to {WebhookHost}: HTTP {StatusCode} {Failure}",
            userId, type, uri.Host, attempt.StatusCode, attempt.Failure);
        return new TestWebhookResult([], attempt, newSecret);
    }

    /// <returns>The plaintext of a secret generated now, or null when the user already had one.</returns>
    private async Task<string?> EnsureSecretAsync(AlgoTradeDbContext db, int userId, CancellationToken ct)
    {
        var user = await db.Users.SingleAsync(u => u.Id == userId, ct);
        if (user.NotificationSigningSecret is not null) return null;
        var secret = WebhookSigner.NewSecret();
        user.NotificationSigningSecret = protector.Protect(SecretPurpose.WebhookSigningSecret, secret);
        logger.LogInformation("User {UserId} got a webhook signing secret", userId);
        return secret;
    }
}

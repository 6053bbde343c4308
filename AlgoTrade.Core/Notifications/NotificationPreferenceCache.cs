using System.Collections.Concurrent;
using AlgoTrade.Core.Persistence;
using AlgoTrade.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AlgoTrade.Core.Notifications;

/// <summary>
/// Keeps each user's delivery settings for a short while, so a bot trading every few seconds does not read them on every
/// event. A save on this node invalidates at once; other nodes pick it up when their entry expires.
/// </summary>
public sealed class NotificationPreferenceCache(
    IDbContextFactory<AlgoTradeDbContext> dbFactory,
    SecretProtector protector,
    TimeProvider clock,
    IOptions<NotificationOptions> options)
{
    private readonly ConcurrentDictionary<int, (DateTime Expires, UserNotificationSnapshot Snapshot)> _entries = new();

    public async Task<UserNotificationSnapshot> GetAsync(int userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (_entries.TryGetValue(userId, out var entry) && entry.Expires > now)
            return entry.Snapshot;

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.UserNotificationPreferences.AsNoTracking().Where(p => p.UserId == userId).ToListAsync(ct);
        var user = await db.Users.Where(u => u.Id == userId)
            .Select(u => new { u.NotificationSigningSecret, u.Email, u.EmailVerifiedAt, u.IsActive }).SingleOrDefaultAsync(ct);
        var secret = user?.NotificationSigningSecret is null ? null : protector.Unprotect(SecretPurpose.WebhookSigningSecret, user.NotificationSigningSecret);
        var snapshot = UserNotificationSnapshot.From(rows, secret, user is { EmailVerifiedAt: not null, IsActive: true } ? user.Email : null);
        _entries[userId] = (now + options.Value.PreferenceCacheDuration, snapshot);
        return snapshot;
    }

    public void Invalidate(int userId) => _entries.TryRemove(userId, out _);
}

using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Notifications;
using AlgoTrade.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlgoTrade.Core.Accounts;

/// <summary>
/// Server-side sessions: every sign-in gets a row, the cookie carries its id, and a cookie whose row was ended (logout,
/// the Sessions page, a password reset) stops working on its next request, even if someone copied it.
/// </summary>
public sealed class UserSessionService(
    IDbContextFactory<AlgoTradeDbContext> dbFactory,
    INotificationSink notifications,
    TimeProvider clock,
    IOptions<AccountSecurityOptions> options,
    ILogger<UserSessionService> logger)
{
    private static readonly TimeSpan TouchInterval = TimeSpan.FromMinutes(1);

    public async Task<string> CreateAsync(int userId, string? ipAddress, string? userAgent, bool twoFactorVerified, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var ua = userAgent is { Length: > 512 } ? userAgent[..512] : userAgent;
        var session = new UserSession
        {
            Id = TokenHashing.NewToken(),
            UserId = userId,
            CreatedAt = now,
            LastSeenAt = now,
            IpAddress = ipAddress,
            UserAgent = ua,
            TwoFactorVerifiedAt = twoFactorVerified ? now : null,
        };
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var earlier = await db.UserSessions.Where(s => s.UserId == userId).Select(s => new { s.IpAddress, s.UserAgent }).Distinct().ToListAsync(ct);
        db.UserSessions.Add(session);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("User {UserId} signed in: session {SessionRef} from {IpAddress}", userId, Ref(session.Id), ipAddress);
        // The very first sign-in (registration) is not news; a browser or network not seen before is.
        if (earlier.Count > 0 && !earlier.Any(e => e.IpAddress == ipAddress && e.UserAgent == ua))
            notifications.Notify(userId, NotificationTypes.NewSignIn, AccountNotifications.NewSignIn(UserAgentDescription.Describe(ua), ipAddress, now));
        return session.Id;
    }

    /// <summary>Checks the session of a request and records that it was seen (at most once a minute per session).</summary>
    public async Task<SessionCheck> CheckAsync(int userId, string? sessionId, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(sessionId)) return new SessionCheck(false, null);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.UserSessions.AsNoTracking().Where(s => s.Id == sessionId && s.UserId == userId)
            .Select(s => new { s.RevokedAt, s.LastSeenAt, s.TwoFactorVerifiedAt }).SingleOrDefaultAsync(ct);
        if (row is null || row.RevokedAt is not null || row.LastSeenAt < now - options.Value.SessionIdleLifetime)
            return new SessionCheck(false, null);
        if (now - row.LastSeenAt >= TouchInterval)
            await db.UserSessions.Where(s => s.Id == sessionId).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, now), ct);
        return new SessionCheck(true, row.TwoFactorVerifiedAt);
    }

    public async Task<IReadOnlyList<SessionInfo>> ListActiveAsync(int userId, CancellationToken ct = default)
    {
        var since = clock.GetUtcNow().UtcDateTime - options.Value.SessionIdleLifetime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.UserSessions.AsNoTracking()
            .Where(s => s.UserId == userId && s.RevokedAt == null && s.LastSeenAt >= since)
            .OrderByDescending(s => s.LastSeenAt).Take(200).ToListAsync(ct);
        return rows.Select(s => new SessionInfo(s.Id, UserAgentDescription.Describe(s.UserAgent), s.IpAddress, s.CreatedAt, s.LastSeenAt,
            s.TwoFactorVerifiedAt is not null)).ToList();
    }

    public async Task<bool> RevokeAsync(int userId, string sessionId, string reason, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var n = await db.UserSessions.Where(s => s.Id == sessionId && s.UserId == userId && s.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, now).SetProperty(x => x.RevokedReason, reason), ct);
        if (n > 0) logger.LogInformation("Session {SessionRef} of user {UserId} ended: {Reason}", Ref(sessionId), userId, reason);
        return n > 0;
    }

    public async Task<int> RevokeAllAsync(int userId, string? exceptSessionId, string reason, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var n = await db.UserSessions.Where(s => s.UserId == userId && s.RevokedAt == null && s.Id != exceptSessionId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, now).SetProperty(x => x.RevokedReason, reason), ct);
        logger.LogInformation("Ended {Count} sessions of user {UserId}: {Reason}", n, userId, reason);
        return n;
    }

    public async Task MarkTwoFactorVerifiedAsync(int userId, string sessionId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.UserSessions.Where(s => s.Id == sessionId && s.UserId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.TwoFactorVerifiedAt, now), ct);
    }

    /// <summary>Whether this session passed a two-factor check within <see cref="AccountSecurityOptions.RecentTwoFactorWindow"/>.</summary>
    public async Task<bool> HasRecentTwoFactorAsync(int userId, string? sessionId, CancellationToken ct = default)
    {
        if (sessionId is null) return false;
        var since = clock.GetUtcNow().UtcDateTime - options.Value.RecentTwoFactorWindow;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.UserSessions.AnyAsync(s => s.Id == sessionId && s.UserId == userId && s.RevokedAt == null && s.TwoFactorVerifiedAt >= since, ct);
    }

    // Logs name a session by a short prefix: the full id is what the cookie authenticates with.
    private static string Ref(string sessionId) => sessionId[..6];
}

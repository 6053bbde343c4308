using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Email;
using AlgoTrade.Core.Notifications;
using AlgoTrade.Core.Persistence;
using AlgoTrade.Core.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlgoTrade.Core.Accounts;

/// <summary>Forgot password: an emailed single-use, time-limited link. Nothing the caller sees tells whether an account exists.</summary>
public sealed class PasswordResetService(
    IDbContextFactory<AlgoTradeDbContext> dbFactory,
    AccountTokenService tokens,
    EmailOutbox outbox,
    EmailTemplates templates,
    IPasswordHasher<User> hasher,
    UserSessionService sessions,
    INotificationSink notifications,
    TimeProvider clock,
    IOptions<AccountSecurityOptions> options,
    ILogger<PasswordResetService> logger)
{
    public bool IsAvailable => outbox.IsAvailable;

    /// <summary>Emails a reset link when an active account has this address; returns the same way either way.</summary>
    public async Task RequestAsync(string? email, CancellationToken ct = default)
    {
        if (!IsAvailable || !EmailAddress.IsValid(email)) return;
        var normalized = EmailAddress.Normalize(email!);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Email == normalized, ct);
        if (user is not { IsActive: true })
        {
            logger.LogInformation("Password reset requested for an unknown or inactive account");
            return;
        }
        var lifetime = options.Value.PasswordResetLifetime;
        var token = await tokens.CreateAsync(user.Id, AccountTokenPurposes.PasswordReset, user.Email, lifetime, ct);
        await outbox.EnqueueAsync(user.Id, EmailKinds.PasswordReset, user.Email, templates.PasswordReset(token, lifetime), ct);
        logger.LogInformation("Sent a password reset link to user {UserId}", user.Id);
    }

    public Task<TokenResult> CheckAsync(string? token, CancellationToken ct = default) =>
        tokens.PeekAsync(AccountTokenPurposes.PasswordReset, token, ct);

    /// <summary>Sets the new password, ends every session of the account and uses the token up.</summary>
    public async Task<PasswordResetResult> ResetAsync(string? token, string newPassword, CancellationToken ct = default)
    {
        var peek = await CheckAsync(token, ct);
        if (!peek.IsValid) return new PasswordResetResult(peek.Check, []);
        var errors = PasswordPolicy.Validate(newPassword);
        if (errors.Count > 0) return new PasswordResetResult(TokenCheck.Valid, [.. errors]);

        var used = await tokens.ConsumeAsync(AccountTokenPurposes.PasswordReset, token, ct);
        if (!used.IsValid) return new PasswordResetResult(used.Check, []);
        var now = clock.GetUtcNow().UtcDateTime;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var user = await db.Users.SingleOrDefaultAsync(u => u.Id == used.UserId, ct);
            if (user is null) return new PasswordResetResult(TokenCheck.Invalid, []);
            user.HashedPassword = hasher.HashPassword(user, newPassword);
            user.SecurityStamp = Guid.NewGuid().ToString("N");
            user.FailedLoginCount = 0;
            user.LockoutEndAt = null;
            // Following the link proved the inbox.
            if (user.Email == used.Email) user.EmailVerifiedAt ??= now;
            user.UpdatedAt = now;
            await db.SaveChangesAsync(ct);
        }
        await sessions.RevokeAllAsync(used.UserId, exceptSessionId: null, "password_reset", ct);
        logger.LogInformation("User {UserId} reset their password by email; all sessions ended", used.UserId);
        notifications.Notify(used.UserId, NotificationTypes.PasswordChanged, AccountNotifications.PasswordChanged("reset by email", now));
        return new PasswordResetResult(TokenCheck.Valid, []);
    }
}

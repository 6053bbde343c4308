using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Email;
using AlgoTrade.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlgoTrade.Core.Accounts;

/// <summary>Proves that the account's address is its owner's; email notifications wait until it is.</summary>
public sealed class EmailVerificationService(
    IDbContextFactory<AlgoTradeDbContext> dbFactory,
    AccountTokenService tokens,
    EmailOutbox outbox,
    EmailTemplates templates,
    TimeProvider clock,
    IOptions<AccountSecurityOptions> options,
    ILogger<EmailVerificationService> logger)
{
    /// <returns>False when email is not configured or the address is already verified (nothing sent).</returns>
    public async Task<bool> SendAsync(int userId, CancellationToken ct = default)
    {
        if (!outbox.IsAvailable) return false;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null || user.EmailVerifiedAt is not null) return false;
        var token = await tokens.CreateAsync(userId, AccountTokenPurposes.EmailVerification, user.Email, options.Value.EmailVerificationLifetime, ct);
        await outbox.EnqueueAsync(userId, EmailKinds.VerifyEmail, user.Email, templates.VerifyEmail(token), ct);
        logger.LogInformation("Sent an email verification link to user {UserId}", userId);
        return true;
    }

    public async Task<TokenCheck> VerifyAsync(string? token, CancellationToken ct = default)
    {
        var result = await tokens.ConsumeAsync(AccountTokenPurposes.EmailVerification, token, ct);
        if (!result.IsValid)
        {
            logger.LogInformation("Email verification refused: {TokenCheck}", result.Check);
            return result.Check;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // The link proves the address it was sent to; an account that changed address since stays unverified.
        var updated = await db.Users.Where(u => u.Id == result.UserId && u.Email == result.Email)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.EmailVerifiedAt, u => u.EmailVerifiedAt ?? now), ct);
        logger.LogInformation("User {UserId} verified their email address", result.UserId);
        return updated == 1 ? TokenCheck.Valid : TokenCheck.Invalid;
    }
}

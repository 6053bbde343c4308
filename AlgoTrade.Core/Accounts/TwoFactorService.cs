using System.Security.Cryptography;
using System.Text;
using AlgoTrade.Core.Admin;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Persistence;
using AlgoTrade.Core.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OtpNet;
using QRCoder;

namespace AlgoTrade.Core.Accounts;

/// <summary>
/// TOTP two-factor sign-in (RFC 6238, 30-second steps, 6 digits, one step of clock drift either way). The seed is stored
/// protected and shown only during enrolment; a code is accepted once (its time step is remembered); ten recovery codes
/// are shown once and stored as SHA-256 hashes.
/// </summary>
public sealed class TwoFactorService(
    IDbContextFactory<AlgoTradeDbContext> dbFactory,
    SecretProtector protector,
    IPasswordHasher<User> hasher,
    TimeProvider clock,
    IOptions<AccountSecurityOptions> options,
    ILogger<TwoFactorService> logger)
{
    public const int RecoveryCodeCount = 10;
    private static readonly VerificationWindow Window = new(previous: 1, future: 1);

    public async Task<bool> IsEnabledAsync(int userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Users.AnyAsync(u => u.Id == userId && u.TwoFactorEnabledAt != null, ct);
    }

    /// <summary>Generates a new seed (replacing an unconfirmed one); two-factor stays off until <see cref="ConfirmEnrolmentAsync"/>.</summary>
    public async Task<TwoFactorEnrolment?> BeginEnrolmentAsync(int userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null || user.TwoFactorEnabledAt is not null) return null;
        var secret = Base32Encoding.ToString(KeyGeneration.GenerateRandomKey(20));
        user.TwoFactorSecret = protector.Protect(SecretPurpose.TwoFactorSecret, secret);
        user.TwoFactorLastTimeStep = null;
        await db.SaveChangesAsync(ct);
        logger.LogInformation("User {UserId} started two-factor enrolment", userId);
        return Describe(user.Email, secret);
    }

    /// <summary>The pending enrolment again (a reload of the page), or null when there is none.</summary>
    public async Task<TwoFactorEnrolment?> GetPendingEnrolmentAsync(int userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, ct);
        if (user is not { TwoFactorEnabledAt: null, TwoFactorSecret: not null }) return null;
        return Describe(user.Email, protector.Unprotect(SecretPurpose.TwoFactorSecret, user.TwoFactorSecret));
    }

    /// <returns>The ten recovery codes (shown once), or null when the code does not match the pending seed.</returns>
    public async Task<IReadOnlyList<string>?> ConfirmEnrolmentAsync(int userId, string? code, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, ct);
        if (user is not { TwoFactorEnabledAt: null, TwoFactorSecret: not null }) return null;
        if (Match(protector.Unprotect(SecretPurpose.TwoFactorSecret, user.TwoFactorSecret), code) is not { } step)
        {
            logger.LogInformation("User {UserId} entered a wrong code while enrolling two-factor", userId);
            return null;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        user.TwoFactorEnabledAt = now;
        user.TwoFactorLastTimeStep = step;
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        var codes = ReplaceRecoveryCodes(db, userId, now);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("User {UserId} turned on two-factor sign-in", userId);
        return codes;
    }

    /// <summary>Checks a TOTP code against the active seed; a code (time step) already used is refused.</summary>
    public async Task<bool> VerifyCodeAsync(int userId, string? code, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId && u.TwoFactorEnabledAt != null)
            .Select(u => new { u.TwoFactorSecret, u.TwoFactorLastTimeStep }).SingleOrDefaultAsync(ct);
        if (user?.TwoFactorSecret is null) return false;
        if (Match(protector.Unprotect(SecretPurpose.TwoFactorSecret, user.TwoFactorSecret), code) is not { } step)
        {
            logger.LogInformation("Two-factor code refused for user {UserId}: no match in the time window", userId);
            return false;
        }
        // Atomic: two requests with the same code cannot both pass.
        var accepted = await db.Users
            .Where(u => u.Id == userId && (u.TwoFactorLastTimeStep == null || u.TwoFactorLastTimeStep < step))
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.TwoFactorLastTimeStep, step), ct);
        if (accepted == 0) logger.LogInformation("Two-factor code refused for user {UserId}: already used", userId);
        return accepted == 1;
    }

    /// <summary>Uses up one recovery code.</summary>
    public async Task<bool> RedeemRecoveryCodeAsync(int userId, string? code, CancellationToken ct = default)
    {
        var normalized = NormalizeRecoveryCode(code);
        if (normalized is null) return false;
        var hash = HashRecoveryCode(userId, normalized);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var used = await db.RecoveryCodes.Where(c => c.UserId == userId && c.CodeHash == hash && c.UsedAt == null
                && c.User!.TwoFactorEnabledAt != null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.UsedAt, now), ct);
        var left = await db.RecoveryCodes.CountAsync(c => c.UserId == userId && c.UsedAt == null, ct);
        if (used == 1) logger.LogInformation("User {UserId} used a recovery code; {Left} left", userId, left);
        else logger.LogInformation("Recovery code refused for user {UserId}; {Left} left", userId, left);
        return used == 1;
    }

    public async Task<int> RemainingRecoveryCodesAsync(int userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.RecoveryCodes.CountAsync(c => c.UserId == userId && c.UsedAt == null, ct);
    }

    /// <summary>New recovery codes; the old ones stop working. Needs a current code.</summary>
    public async Task<IReadOnlyList<string>?> RegenerateRecoveryCodesAsync(int userId, string? code, CancellationToken ct = default)
    {
        if (!await VerifyCodeAsync(userId, code, ct)) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var codes = ReplaceRecoveryCodes(db, userId, clock.GetUtcNow().UtcDateTime);
        await db.RecoveryCodes.Where(c => c.UserId == userId).ExecuteDeleteAsync(ct);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("User {UserId} generated new recovery codes", userId);
        return codes;
    }

    /// <summary>Turns two-factor off; needs the password and a current code (or a recovery code).</summary>
    public async Task<IReadOnlyDictionary<string, string[]>> DisableAsync(int userId, string? password, string? code, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, ct);
        if (user?.TwoFactorEnabledAt is null)
        {
            errors["Code"] = ["Two-factor sign-in is not on."];
            return errors;
        }
        if (hasher.VerifyHashedPassword(user, user.HashedPassword, password ?? "") == PasswordVerificationResult.Failed)
            errors["Password"] = ["The password is not correct."];
        else if (!await VerifyCodeAsync(userId, code, ct) && !await RedeemRecoveryCodeAsync(userId, code, ct))
            errors["Code"] = ["The code is not correct or was already used."];
        if (errors.Count > 0) return errors;
        await ClearAsync(db, userId, ct);
        logger.LogInformation("User {UserId} turned off two-factor sign-in", userId);
        return errors;
    }

    /// <summary>An admin's reset for a user who lost their device; audited in the same transaction.</summary>
    public async Task<AdminActionResult> AdminResetAsync(int adminUserId, int userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null) return AdminActionResult.Fail("The user no longer exists.");
        if (user.TwoFactorEnabledAt is null && user.TwoFactorSecret is null) return AdminActionResult.Fail("The user has no two-factor sign-in to reset.");
        await ClearAsync(db, userId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        AdminAudit.Record(db, adminUserId, AdminActions.ResetTwoFactor, AdminActions.TargetUser,
            userId.ToString(System.Globalization.CultureInfo.InvariantCulture), new { email = user.Email }, now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        logger.LogWarning("Admin {AdminUserId} reset two-factor sign-in of user {UserId}", adminUserId, userId);
        return AdminActionResult.Ok;
    }

    private static async Task ClearAsync(AlgoTradeDbContext db, int userId, CancellationToken ct)
    {
        var stamp = Guid.NewGuid().ToString("N");
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s
            .SetProperty(u => u.TwoFactorSecret, (string?)null)
            .SetProperty(u => u.TwoFactorEnabledAt, (DateTime?)null)
            .SetProperty(u => u.TwoFactorLastTimeStep, (long?)null)
            .SetProperty(u => u.SecurityStamp, stamp), ct);
        await db.RecoveryCodes.Where(c => c.UserId == userId).ExecuteDeleteAsync(ct);
    }

    private long? Match(string secret, string? code)
    {
        var digits = new string((code ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray());
        if (digits.Length != 6 || !digits.All(char.IsAsciiDigit)) return null;
        var totp = new Totp(Base32Encoding.ToBytes(secret));
        return totp.VerifyTotp(clock.GetUtcNow().UtcDateTime, digits, out var step, Window) ? step : null;
    }

    private IReadOnlyList<string> ReplaceRecoveryCodes(AlgoTradeDbContext db, int userId, DateTime now)
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
        var codes = Enumerable.Range(0, RecoveryCodeCount).Select(_ =>
        {
            var chars = Enumerable.Range(0, 10).Select(_ => alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)]).ToArray();
            return new string(chars, 0, 5) + "-" + new string(chars, 5, 5);
        }).ToList();
        foreach (var code in codes)
            db.RecoveryCodes.Add(new RecoveryCode { UserId = userId, CodeHash = HashRecoveryCode(userId, NormalizeRecoveryCode(code)!), CreatedAt = now });
        return codes;
    }

    private static string? NormalizeRecoveryCode(string? code)
    {
        var s = new string((code ?? "").Where(char.IsAsciiLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
        return s.Length == 10 ? s : null;
    }

    // 50 random bits per code: a salted SHA-256 is enough, and redeeming stays one indexed lookup.
    private static string HashRecoveryCode(int userId, string normalized) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"algotrade-recovery:{userId}:{normalized}")));

    private TwoFactorEnrolment Describe(string email, string secret)
    {
        var issuer = options.Value.TwoFactorIssuer;
        var uri = $"otpauth://totp/{Uri.EscapeDataString(issuer)}:{Uri.EscapeDataString(email)}?secret={secret}&issuer={Uri.EscapeDataString(issuer)}&digits=6&period=30";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        return new TwoFactorEnrolment(secret, uri, new PngByteQRCode(data).GetGraphic(6));
    }
}

using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Persistence;
using AlgoTrade.Core.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AlgoTrade.Core.Accounts;

/// <summary>Registration, login with lockout, password changes and roles, shared by the web app and the CLI.</summary>
public class UserAccountService(
    IDbContextFactory<AlgoTradeDbContext> dbFactory,
    IPasswordHasher<User> hasher,
    IOptions<AccountOptions> options,
    TimeProvider clock,
    ILogger<UserAccountService> logger)
{
    // Verifying against this keeps the time of an unknown-email login close to a wrong-password one.
    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<User>().HashPassword(new User(), "not-a-real-password-0"));

    public async Task<RegistrationResult> RegisterAsync(string email, string password, string role = UserRoles.Trader, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        if (!EmailAddress.IsValid(email))
            errors["Email"] = ["Enter a valid email address."];
        var passwordErrors = PasswordPolicy.Validate(password);
        if (passwordErrors.Count > 0)
            errors["Password"] = [.. passwordErrors];
        if (!UserRoles.IsValid(role))
            errors["Role"] = [$"Unknown role '{role}'."];
        if (errors.Count > 0)
            return new RegistrationResult(null, errors);

        var now = clock.GetUtcNow().UtcDateTime;
        var user = new User
        {
            Email = EmailAddress.Normalize(email),
            Role = role,
            IsActive = true,
            CreatedAt = now,
            UpdatedAt = now,
        };
        user.HashedPassword = hasher.HashPassword(user, password);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Asked first (the password was hashed either way, so both answers take as long): a failed insert would have
        // EF Core log the database's exception with its stack trace for every taken address.
        if (await db.Users.AnyAsync(u => u.Email == user.Email, ct))
            return EmailTaken();
        db.Users.Add(user);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return EmailTaken();
        }
        logger.LogInformation("Registered user {UserId} with role {Role}", user.Id, user.Role);
        return new RegistrationResult(user, errors);
    }

    private static RegistrationResult EmailTaken() =>
        new(null, new Dictionary<string, string[]> { ["Email"] = ["An account with this email already exists."] }, EmailTaken: true);

    public async Task<LoginResult> LoginAsync(string email, string password, CancellationToken ct = default)
    {
        var normalized = EmailAddress.Normalize(email ?? "");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Email == normalized, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (user is null)
        {
            hasher.VerifyHashedPassword(new User(), DummyHash.Value, password ?? "");
            logger.LogInformation("Login failed: unknown account");
            return new LoginResult(LoginOutcome.InvalidCredentials);
        }
        if (user.LockoutEndAt is { } until && until > now)
        {
            logger.LogWarning("Login refused for locked-out user {UserId}", user.Id);
            return new LoginResult(LoginOutcome.LockedOut, LockedUntil: until);
        }

        // Each attempt takes its number in one UPDATE … RETURNING before the password is checked, so parallel attempts
        // cannot all pass the lockout check: only the first MaxFailedLogins of them are ever verified.
        var max = options.Value.MaxFailedLogins;
        var taken = await db.Database.SqlQuery<int>($"""
            UPDATE users SET failed_login_count = failed_login_count + 1
            WHERE id = {user.Id} AND (lockout_end_at IS NULL OR lockout_end_at <= {now})
            RETURNING failed_login_count AS "Value"
            """).ToListAsync(ct);
        if (taken.Count == 0 || taken[0] > max)
        {
            logger.LogWarning("Login refused for locked-out user {UserId}", user.Id);
            return new LoginResult(LoginOutcome.LockedOut, LockedUntil: user.LockoutEndAt);
        }
        var verdict = hasher.VerifyHashedPassword(user, user.HashedPassword, password ?? "");
        if (verdict == PasswordVerificationResult.Failed)
        {
            if (taken[0] < max)
                return new LoginResult(LoginOutcome.InvalidCredentials);
            var lockedUntil = now + options.Value.LockoutDuration;
            await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s
                .SetProperty(u => u.LockoutEndAt, lockedUntil).SetProperty(u => u.FailedLoginCount, 0), ct);
            logger.LogWarning("User {UserId} locked out until {LockoutEnd}", user.Id, lockedUntil);
            return new LoginResult(LoginOutcome.LockedOut, LockedUntil: lockedUntil);
        }

        // A deactivated account only learns that it is deactivated after proving its password.
        if (!user.IsActive)
        {
            logger.LogInformation("Login refused for deactivated user {UserId}", user.Id);
            return new LoginResult(LoginOutcome.Deactivated);
        }

        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
            user.HashedPassword = hasher.HashPassword(user, password!);
        user.FailedLoginCount = 0;
        // The attempt counter was raised in SQL above; the tracked value does not know it.
        db.Entry(user).Property(u => u.FailedLoginCount).IsModified = true;
        user.LockoutEndAt = null;
        user.LastLoginAt = now;
        await db.SaveChangesAsync(ct);
        logger.LogInformation("User {UserId} logged in", user.Id);
        return new LoginResult(LoginOutcome.Succeeded, user);
    }

    public async Task<IReadOnlyDictionary<string, string[]>> ChangePasswordAsync(int userId, string currentPassword, string newPassword, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, ct)
            ?? throw new InvalidOperationException("The signed-in user no longer exists.");
        var errors = new Dictionary<string, string[]>();
        if (hasher.VerifyHashedPassword(user, user.HashedPassword, currentPassword ?? "") == PasswordVerificationResult.Failed)
            errors["CurrentPassword"] = ["The current password is not correct."];
        var policy = PasswordPolicy.Validate(newPassword);
        if (policy.Count > 0)
            errors["NewPassword"] = [.. policy];
        else if (newPassword == currentPassword)
            errors["NewPassword"] = ["The new password must differ from the current one."];
        if (errors.Count > 0)
            return errors;

        user.HashedPassword = hasher.HashPassword(user, newPassword);
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        user.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        logger.LogInformation("User {UserId} changed their password", user.Id);
        return errors;
    }

    /// <summary>Creates the user as an admin, or promotes and re-activates an existing one (its password is then reset).</summary>
    public async Task<RegistrationResult> CreateOrPromoteAdminAsync(string email, string password, CancellationToken ct = default)
    {
        var registered = await RegisterAsync(email, password, UserRoles.Admin, ct);
        if (registered.Succeeded || !registered.Errors.ContainsKey("Email") || registered.Errors.Count > 1 || !EmailAddress.IsValid(email))
            return registered;

        var normalized = EmailAddress.Normalize(email);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.SingleAsync(u => u.Email == normalized, ct);
        user.Role = UserRoles.Admin;
        user.IsActive = true;
        user.HashedPassword = hasher.HashPassword(user, password);
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        user.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Promoted user {UserId} to admin", user.Id);
        return new RegistrationResult(user, new Dictionary<string, string[]>());
    }

    public async Task<User?> FindAsync(int userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, ct);
    }
}

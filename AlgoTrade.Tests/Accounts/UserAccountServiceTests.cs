using AlgoTrade.Core.Accounts;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Persistence;
using AlgoTrade.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace AlgoTrade.Tests.Accounts;

public class UserAccountServiceTests : IAsyncLifetime
{
    private ServiceProvider _services = default!;
    private UserAccountService Accounts => _services.GetRequiredService<UserAccountService>();

    public async Task InitializeAsync() => _services = CoreServices.Build(await TestDatabase.SharedAsync());

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task Register_stores_a_pbkdf2_hash_and_a_lower_cased_email()
    {
        var email = TestUsers.NewEmail().ToUpperInvariant();
        var result = await Accounts.RegisterAsync(email, TestUsers.Password);

        Assert.True(result.Succeeded);
        await using var db = await TestDatabase.SharedContextAsync();
        var user = await db.Users.SingleAsync(u => u.Id == result.User!.Id);
        Assert.Equal(email.ToLowerInvariant(), user.Email);
        Assert.NotEqual(TestUsers.Password, user.HashedPassword);
        Assert.StartsWith("AQAAAA", user.HashedPassword); // ASP.NET Core Identity v3 format (PBKDF2)
        Assert.Equal(UserRoles.Trader, user.Role);
    }

    [Theory]
    [InlineData("short-1A", "at least 12 characters")]
    [InlineData("alllowercaseletters", "at least two kinds")]
    public async Task Register_rejects_weak_passwords(string password, string expected)
    {
        var result = await Accounts.RegisterAsync(TestUsers.NewEmail(), password);
        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors["Password"], m => m.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Register_rejects_a_duplicate_email_in_any_case()
    {
        var email = TestUsers.NewEmail();
        Assert.True((await Accounts.RegisterAsync(email, TestUsers.Password)).Succeeded);
        var again = await Accounts.RegisterAsync(email.ToUpperInvariant(), TestUsers.Password);
        Assert.False(again.Succeeded);
        Assert.Equal("An account with this email already exists.", Assert.Single(again.Errors["Email"]));
    }

    [Fact]
    public async Task A_taken_email_is_flagged_and_logs_no_database_exception()
    {
        var logs = new LogCapture();
        await using var services = CoreServices.Build(await TestDatabase.SharedAsync(), s => s.AddLogging(b => b.AddProvider(logs)));
        var accounts = services.GetRequiredService<UserAccountService>();
        var email = TestUsers.NewEmail();
        Assert.True((await accounts.RegisterAsync(email, TestUsers.Password)).Succeeded);

        var again = await accounts.RegisterAsync(email.ToUpperInvariant(), TestUsers.Password);
        Assert.True(again.EmailTaken);
        Assert.False((await accounts.RegisterAsync(TestUsers.NewEmail(), "short")).EmailTaken);
        Assert.DoesNotContain("Exception", logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("23505", logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(logs.Entries, e => e.StartsWith("Error", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Login_stamps_the_last_login()
    {
        var email = TestUsers.NewEmail();
        var user = (await Accounts.RegisterAsync(email, TestUsers.Password)).User!;
        Assert.Null((await Accounts.FindAsync(user.Id))!.LastLoginAt);
        var before = DateTime.UtcNow.AddSeconds(-5);
        Assert.Equal(LoginOutcome.Succeeded, (await Accounts.LoginAsync(email, TestUsers.Password)).Outcome);
        Assert.InRange((await Accounts.FindAsync(user.Id))!.LastLoginAt!.Value, before, DateTime.UtcNow.AddSeconds(5));
    }

    [Fact]
    public async Task Login_succeeds_with_the_right_password_only()
    {
        var email = TestUsers.NewEmail();
        await Accounts.RegisterAsync(email, TestUsers.Password);

        Assert.Equal(LoginOutcome.Succeeded, (await Accounts.LoginAsync(email.ToUpperInvariant(), TestUsers.Password)).Outcome);
        Assert.Equal(LoginOutcome.InvalidCredentials, (await Accounts.LoginAsync(email, "Wrong-Password-1")).Outcome);
        Assert.Equal(LoginOutcome.InvalidCredentials, (await Accounts.LoginAsync(TestUsers.NewEmail(), TestUsers.Password)).Outcome);
    }

    [Fact]
    public async Task Five_failures_lock_the_account_for_fifteen_minutes_even_against_the_right_password()
    {
        var email = TestUsers.NewEmail();
        await Accounts.RegisterAsync(email, TestUsers.Password);
        for (var i = 0; i < 4; i++)
            Assert.Equal(LoginOutcome.InvalidCredentials, (await Accounts.LoginAsync(email, "Wrong-Password-1")).Outcome);
        var fifth = await Accounts.LoginAsync(email, "Wrong-Password-1");
        Assert.Equal(LoginOutcome.LockedOut, fifth.Outcome);
        Assert.InRange(fifth.LockedUntil!.Value - DateTime.UtcNow, TimeSpan.FromMinutes(14.9), TimeSpan.FromMinutes(15));

        Assert.Equal(LoginOutcome.LockedOut, (await Accounts.LoginAsync(email, TestUsers.Password)).Outcome);

        // Once the lockout has passed the right password works again.
        await using (var db = await TestDatabase.SharedContextAsync())
        {
            var user = await db.Users.SingleAsync(u => u.Email == email);
            user.LockoutEndAt = DateTime.UtcNow.AddSeconds(-1);
            await db.SaveChangesAsync();
        }
        Assert.Equal(LoginOutcome.Succeeded, (await Accounts.LoginAsync(email, TestUsers.Password)).Outcome);
    }

    [Fact]
    public async Task Thirty_parallel_wrong_logins_check_at_most_five_passwords_and_lock_the_account()
    {
        var counting = new CountingHasher();
        await using var services = CoreServices.Build(await TestDatabase.SharedAsync(), s =>
        {
            s.RemoveAll<Microsoft.AspNetCore.Identity.IPasswordHasher<User>>();
            s.AddSingleton<Microsoft.AspNetCore.Identity.IPasswordHasher<User>>(counting);
        });
        var accounts = services.GetRequiredService<UserAccountService>();
        var email = TestUsers.NewEmail();
        await accounts.RegisterAsync(email, TestUsers.Password);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => Task.Run(() => accounts.LoginAsync(email, "Wrong-Password-1"))));

        Assert.InRange(counting.Verifications, 1, 5);
        Assert.Contains(outcomes, o => o.Outcome == LoginOutcome.LockedOut);
        Assert.Equal(LoginOutcome.LockedOut, (await accounts.LoginAsync(email, TestUsers.Password)).Outcome);
        await using var db = await TestDatabase.SharedContextAsync();
        Assert.NotNull((await db.Users.SingleAsync(u => u.Email == email)).LockoutEndAt);
    }

    private sealed class CountingHasher : Microsoft.AspNetCore.Identity.IPasswordHasher<User>
    {
        private readonly Microsoft.AspNetCore.Identity.PasswordHasher<User> _inner = new();
        private int _verifications;
        public int Verifications => Volatile.Read(ref _verifications);
        public string HashPassword(User user, string password) => _inner.HashPassword(user, password);
        public Microsoft.AspNetCore.Identity.PasswordVerificationResult VerifyHashedPassword(User user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    [Fact]
    public async Task A_deactivated_user_cannot_log_in()
    {
        var email = TestUsers.NewEmail();
        var user = (await Accounts.RegisterAsync(email, TestUsers.Password)).User!;
        await using (var db = await TestDatabase.SharedContextAsync())
            await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsActive, false));

        Assert.Equal(LoginOutcome.Deactivated, (await Accounts.LoginAsync(email, TestUsers.Password)).Outcome);
        // A wrong password on a deactivated account says nothing about the account.
        Assert.Equal(LoginOutcome.InvalidCredentials, (await Accounts.LoginAsync(email, "Wrong-Password-1")).Outcome);
    }

    [Fact]
    public async Task Change_password_checks_the_current_one_and_rotates_the_security_stamp()
    {
        var email = TestUsers.NewEmail();
        var user = (await Accounts.RegisterAsync(email, TestUsers.Password)).User!;

        var wrong = await Accounts.ChangePasswordAsync(user.Id, "Not-The-Password-1", "Brand-New-Pass-99");
        Assert.Contains("CurrentPassword", wrong.Keys);

        var ok = await Accounts.ChangePasswordAsync(user.Id, TestUsers.Password, "Brand-New-Pass-99");
        Assert.Empty(ok);
        var after = await Accounts.FindAsync(user.Id);
        Assert.NotEqual(user.SecurityStamp, after!.SecurityStamp);
        Assert.Equal(LoginOutcome.Succeeded, (await Accounts.LoginAsync(email, "Brand-New-Pass-99")).Outcome);
        Assert.Equal(LoginOutcome.InvalidCredentials, (await Accounts.LoginAsync(email, TestUsers.Password)).Outcome);
    }

    [Fact]
    public async Task Create_admin_promotes_an_existing_trader()
    {
        var email = TestUsers.NewEmail();
        await Accounts.RegisterAsync(email, TestUsers.Password);
        var result = await Accounts.CreateOrPromoteAdminAsync(email, "Admin-Password-77");
        Assert.True(result.Succeeded);
        Assert.Equal(UserRoles.Admin, (await Accounts.FindAsync(result.User!.Id))!.Role);
        Assert.Equal(LoginOutcome.Succeeded, (await Accounts.LoginAsync(email, "Admin-Password-77")).Outcome);
    }
}

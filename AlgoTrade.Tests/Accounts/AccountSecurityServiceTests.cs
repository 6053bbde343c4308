using AlgoTrade.Core.Accounts;
using AlgoTrade.Core.Domain;
using AlgoTrade.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;

namespace AlgoTrade.Tests.Accounts;

/// <summary>Expiring links and turning two-factor off, on PostgreSQL with a manual clock (so lifetimes are exact).</summary>
public sealed class AccountSecurityServiceTests : IAsyncLifetime
{
    private readonly ManualClock _clock = new(DateTimeOffset.UtcNow);
    private ServiceProvider _services = default!;

    public async Task InitializeAsync() =>
        _services = CoreServices.Build(await TestDatabase.SharedAsync(), s => s.AddSingleton<TimeProvider>(_clock));

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    private async Task<User> NewUserAsync() => (await Get<UserAccountService>().RegisterAsync(TestUsers.NewEmail("acct"), TestUsers.Password)).User!;

    [Fact]
    public async Task A_verification_link_works_within_48_hours_once_and_not_after()
    {
        var user = await NewUserAsync();
        var tokens = Get<AccountTokenService>();
        var lifetime = TimeSpan.FromHours(48);
        var expiring = await tokens.CreateAsync(user.Id, AccountTokenPurposes.EmailVerification, user.Email, lifetime);
        var fresh = await tokens.CreateAsync(user.Id, AccountTokenPurposes.EmailVerification, user.Email, lifetime);

        _clock.Advance(lifetime - TimeSpan.FromSeconds(1));
        Assert.Equal(TokenCheck.Valid, await Get<EmailVerificationService>().VerifyAsync(fresh));
        Assert.Equal(TokenCheck.AlreadyUsed, await Get<EmailVerificationService>().VerifyAsync(fresh));

        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(TokenCheck.Expired, await Get<EmailVerificationService>().VerifyAsync(expiring));
        Assert.Equal(TokenCheck.Invalid, await Get<EmailVerificationService>().VerifyAsync(expiring + "x"));
    }

    [Fact]
    public async Task An_expired_reset_link_is_refused_and_leaves_the_password_as_it_was()
    {
        var user = await NewUserAsync();
        var token = await Get<AccountTokenService>().CreateAsync(user.Id, AccountTokenPurposes.PasswordReset, user.Email, TimeSpan.FromHours(1));

        _clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        var result = await Get<PasswordResetService>().ResetAsync(token, "A-brand-new-password-77");

        Assert.Equal(TokenCheck.Expired, result.Check);
        Assert.Equal(LoginOutcome.Succeeded, (await Get<UserAccountService>().LoginAsync(user.Email, TestUsers.Password)).Outcome);
        Assert.NotEqual(LoginOutcome.Succeeded, (await Get<UserAccountService>().LoginAsync(user.Email, "A-brand-new-password-77")).Outcome);
    }

    [Fact]
    public async Task Turning_two_factor_off_needs_the_password_and_a_current_code()
    {
        var user = await NewUserAsync();
        var twoFactor = Get<TwoFactorService>();
        var enrolment = (await twoFactor.BeginEnrolmentAsync(user.Id))!;
        var totp = new Totp(Base32Encoding.ToBytes(enrolment.Secret));
        string CodeNow() => totp.ComputeTotp(_clock.UtcNow);
        Assert.NotNull(await twoFactor.ConfirmEnrolmentAsync(user.Id, CodeNow()));
        Assert.True(await twoFactor.IsEnabledAsync(user.Id));

        // Each code works once: move to the next 30 s step for every attempt that could use one up.
        _clock.Advance(TimeSpan.FromSeconds(30));
        var wrongPassword = await twoFactor.DisableAsync(user.Id, "not-the-password", CodeNow());
        Assert.Equal(["The password is not correct."], wrongPassword["Password"]);
        var noCode = await twoFactor.DisableAsync(user.Id, TestUsers.Password, "");
        Assert.Equal(["The code is not correct or was already used."], noCode["Code"]);
        var staleCode = await twoFactor.DisableAsync(user.Id, TestUsers.Password, totp.ComputeTotp(_clock.UtcNow.AddSeconds(-90)));
        Assert.Contains("Code", staleCode.Keys);
        Assert.True(await twoFactor.IsEnabledAsync(user.Id));

        Assert.Empty(await twoFactor.DisableAsync(user.Id, TestUsers.Password, CodeNow()));
        Assert.False(await twoFactor.IsEnabledAsync(user.Id));
    }
}

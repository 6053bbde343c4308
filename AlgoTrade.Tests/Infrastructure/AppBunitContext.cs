using AlgoTrade.Core.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace AlgoTrade.Tests.Infrastructure;

/// <summary>bUnit plus the real Core services against the run's database.</summary>
public abstract class AppBunitContext : MudBunitContext
{
    protected ServiceProvider Core { get; private set; } = default!;

    public override async Task InitializeAsync()
    {
        Core = CoreServices.Build(await TestDatabase.SharedAsync());
        Services.AddSingleton(Core.GetRequiredService<UserAccountService>());
        // The account pages' collaborators: sessions, verification and the per-account attempt limiter.
        Services.AddSingleton(Core.GetRequiredService<EmailVerificationService>());
        Services.AddSingleton(Core.GetRequiredService<UserSessionService>());
        Services.AddSingleton(new AlgoTrade.Web.Security.SessionSignIn(Core.GetRequiredService<UserSessionService>()));
        Services.AddSingleton(new AlgoTrade.Web.Security.AccountAttemptLimiter(
            Microsoft.Extensions.Options.Options.Create(new AlgoTrade.Web.Security.AuthRateLimitOptions())));
        Services.AddSingleton(new AlgoTrade.Web.Security.TwoFactorLoginTicket(
            Core.GetRequiredService<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>()));
    }

    protected override ValueTask DisposeTestResourcesAsync() => Core.DisposeAsync();
}

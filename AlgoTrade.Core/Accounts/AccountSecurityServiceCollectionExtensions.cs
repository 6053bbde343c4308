using Microsoft.Extensions.DependencyInjection;

namespace AlgoTrade.Core.Accounts;

public static class AccountSecurityServiceCollectionExtensions
{
    public static IServiceCollection AddAlgoTradeAccountSecurity(this IServiceCollection services)
    {
        services.AddOptions<AccountSecurityOptions>().BindConfiguration(AccountOptions.Section);
        services.AddSingleton<AccountTokenService>();
        services.AddSingleton<EmailVerificationService>();
        services.AddSingleton<PasswordResetService>();
        services.AddSingleton<TwoFactorService>();
        services.AddSingleton<UserSessionService>();
        return services;
    }
}

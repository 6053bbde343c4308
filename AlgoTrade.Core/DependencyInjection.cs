using AlgoTrade.Core.Accounts;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AlgoTrade.Core;

public static class DependencyInjection
{
    public static IServiceCollection AddAlgoTradeCore(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("Default")
            ?? throw new InvalidOperationException("ConnectionStrings:Default is not configured.");

        services.AddDbContextFactory<AlgoTradeDbContext>(options => DatabaseSetup.Configure(options, connectionString));
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<AccountOptions>().BindConfiguration(AccountOptions.Section);
        services.AddSingleton<IPasswordHasher<User>, PasswordHasher<User>>();
        services.AddSingleton<UserAccountService>();

        // One key ring in PostgreSQL so every node can read what another protected.
        services.AddDataProtection()
            .SetApplicationName("AlgoTrade")
            .PersistKeysToDbContext<AlgoTradeDbContext>();
        return services;
    }
}

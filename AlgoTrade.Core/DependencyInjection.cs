using AlgoTrade.Core.Accounts;
using AlgoTrade.Core.ApiKeys;
using AlgoTrade.Core.Bots;
using AlgoTrade.Core.Candles;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Exchanges;
using AlgoTrade.Core.Monitoring;
using AlgoTrade.Core.Persistence;
using AlgoTrade.Core.Runtime;
using AlgoTrade.Core.Security;
using AlgoTrade.Core.Trades;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using AlgoTrade.Core.Email;
using AlgoTrade.Core.Notifications;

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
        services.AddAlgoTradeEmail();
        services.AddAlgoTradeAccountSecurity();
        services.TryAddSingleton<INotificationSink, NullNotificationSink>();

        services.AddAlgoTradeDataProtection(configuration);
        services.AddAlgoTradeExchanges();
        services.AddAlgoTradeCandles();
        services.AddSingleton<ApiKeyService>();
        services.AddAlgoTradeRuntime();
        services.AddSingleton<SymbolCatalog>();
        services.AddSingleton<BotConfigValidator>();
        // Needs an IBotScheduleControl and an IBotEventHub from the host (the web app).
        services.AddSingleton<BotStopper>();
        services.AddSingleton<BotService>();
        services.AddSingleton<TradeQueries>();
        services.AddSingleton<DashboardQueries>();
        services.AddSingleton<BotMonitorQueries>();
        services.AddSingleton<BotChartQueries>();
        services.AddSingleton<LastPriceCache>();
        services.AddSingleton<Backtesting.Results.BacktestResultQueries>();
        services.AddSingleton<Backtesting.Comparison.BacktestComparisonQueries>();
        return services;
    }
}

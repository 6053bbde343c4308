using AlgoTrade.Core;
using AlgoTrade.Core.Backtesting.Jobs;
using AlgoTrade.Web.Security;
using AlgoTrade.Web.Services;
using MudBlazor.Services;

namespace AlgoTrade.Web.Extensions;

public static class ServiceCollectionExtensions
{
    public static WebApplicationBuilder AddAlgoTradeServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddAlgoTradeCore(builder.Configuration);
        builder.AddAlgoTradeScheduling();
        builder.AddAlgoTradeNotifications();
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section);
        services.AddOptions<DemoSeedOptions>().BindConfiguration(DemoSeedOptions.Section);

        services.AddRazorComponents().AddInteractiveServerComponents();
        // Bottom right, so messages never cover the page's action buttons at the top.
        services.AddMudServices(c => c.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomRight);
        services.AddAlgoTradeAuthentication();
        services.AddAlgoTradeAccountSecurity();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");

        services.AddScoped<CurrentUser>();
        services.AddAlgoTradeAdmin();
        services.AddAlgoTradeBacktests();
        services.AddTransient<DemoDataSeeder>();
        return builder;
    }
}

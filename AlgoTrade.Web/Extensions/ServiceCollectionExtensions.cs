using AlgoTrade.Core;
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
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section);
        services.AddOptions<DemoSeedOptions>().BindConfiguration(DemoSeedOptions.Section);

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddAlgoTradeAuthentication();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");

        services.AddScoped<CurrentUser>();
        services.AddAlgoTradeAdmin();
        services.AddTransient<DemoDataSeeder>();
        return builder;
    }
}

using AlgoTrade.Core;
using AlgoTrade.Core.Backtesting.Jobs;
using AlgoTrade.Core.Security;
using AlgoTrade.Web.Security;
using AlgoTrade.Web.Services;
using MudBlazor.Services;

namespace AlgoTrade.Web.Extensions;

public static class ServiceCollectionExtensions
{
    public static WebApplicationBuilder AddAlgoTradeServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        builder.ResolveKeyFileAgainstContentRoot();
        services.AddAlgoTradeCore(builder.Configuration);
        builder.AddAlgoTradeScheduling();
        builder.AddAlgoTradeNotifications();
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section);
        services.AddOptions<DemoSeedOptions>().BindConfiguration(DemoSeedOptions.Section);

        services.AddRazorComponents().AddInteractiveServerComponents();
        // Bottom right, so messages never cover the page's action buttons at the top.
        services.AddMudServices(c => c.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomRight);
        services.AddAlgoTradeAuthentication();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");

        services.AddScoped<CurrentUser>();
        services.AddAlgoTradeAdmin();
        services.AddAlgoTradeBacktests();
        services.AddTransient<DemoDataSeeder>();
        return builder;
    }

    /// <summary>appsettings.Development.json names the generated key file relative to the project, not to the working directory.</summary>
    private static void ResolveKeyFileAgainstContentRoot(this WebApplicationBuilder builder)
    {
        var key = $"{KeyRingOptions.Section}:{nameof(KeyRingOptions.KeyFile)}";
        if (builder.Configuration[key] is { Length: > 0 } path && !Path.IsPathRooted(path))
            builder.Configuration[key] = Path.GetFullPath(Path.Combine(builder.Environment.ContentRootPath, path));
    }
}

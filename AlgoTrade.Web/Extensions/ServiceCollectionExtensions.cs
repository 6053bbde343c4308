using AlgoTrade.Core;
using AlgoTrade.Core.Backtesting.Jobs;
using AlgoTrade.Core.Security;
using AlgoTrade.Core.Sweeps;
using AlgoTrade.Web.Security;
using AlgoTrade.Web.Services;
using Microsoft.AspNetCore.HttpOverrides;
using MudBlazor.Services;

namespace AlgoTrade.Web.Extensions;

public static class ServiceCollectionExtensions
{
    public static WebApplicationBuilder AddAlgoTradeServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // Reliability tests run the app as a process from its build output, where library assets come from the manifest.
        if (builder.Environment.IsEnvironment("Testing"))
            builder.WebHost.UseStaticWebAssets();
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
        services.AddAlgoTradeAccountSecurity();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        builder.AddAlgoTradeHttpHardening();

        services.AddScoped<CurrentUser>();
        services.AddAlgoTradeAdmin();
        services.AddAlgoTradeBacktests();
        services.AddAlgoTradeSweeps();
        services.AddTransient<DemoDataSeeder>();
        return builder;
    }

    /// <summary>Request size limit, forwarded headers from trusted proxies, HTTPS options and Secure cookies.</summary>
    private static void AddAlgoTradeHttpHardening(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section);
        var security = builder.Configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions();
        if (builder.Environment.IsDevelopment() && builder.Configuration[$"{SecurityOptions.Section}:{nameof(SecurityOptions.RequireHttps)}"] is null)
            security.RequireHttps = false;
        services.Configure<SecurityOptions>(o => o.RequireHttps = security.RequireHttps);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = security.MaxRequestBodyBytes);
        services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o => o.MultipartBodyLengthLimit = security.MaxRequestBodyBytes);
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            // X-Forwarded-Host is not taken: redirects are built from the configured AllowedHosts only.
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in security.TrustedProxies)
                o.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
        });
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        services.AddHttpsRedirection(o =>
        {
            o.RedirectStatusCode = StatusCodes.Status308PermanentRedirect;
            o.HttpsPort = security.HttpsPort;
        });
        services.PostConfigure<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(
            Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationDefaults.AuthenticationScheme,
            o => o.Cookie.SecurePolicy = security.RequireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest);
        services.AddAntiforgery(o => o.Cookie.SecurePolicy = security.RequireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest);
    }

    /// <summary>appsettings.Development.json names the generated key file relative to the project, not to the working directory.</summary>
    private static void ResolveKeyFileAgainstContentRoot(this WebApplicationBuilder builder)
    {
        var key = $"{KeyRingOptions.Section}:{nameof(KeyRingOptions.KeyFile)}";
        if (builder.Configuration[key] is { Length: > 0 } path && !Path.IsPathRooted(path))
            builder.Configuration[key] = Path.GetFullPath(Path.Combine(builder.Environment.ContentRootPath, path));
    }
}

using AlgoTrade.Core.Persistence;
using AlgoTrade.Core.Runtime;
using AlgoTrade.Web.Components;
using AlgoTrade.Web.Endpoints;
using AlgoTrade.Web.Security;
using AlgoTrade.Web.Services;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Serilog;

namespace AlgoTrade.Web.Extensions;

public static class WebApplicationExtensions
{
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        // The kill -9 tests (docs/reliability.md) stop a real app process at an exact point of a tick.
        if (app.Environment.IsEnvironment("Testing"))
            CrashPoint.Arm(app.Configuration["Runtime:CrashPoint"]);
        // Refuse to start (rather than at the first sign-in) when the key ring would be stored unprotected.
        _ = app.Services.GetRequiredService<IOptions<KeyManagementOptions>>().Value;
        var options = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        if (options.MigrateOnStartup)
        {
            await using var db = await app.Services.GetRequiredService<IDbContextFactory<AlgoTradeDbContext>>().CreateDbContextAsync();
            await DatabaseSetup.MigrateAsync(db);
            app.Logger.LogInformation("Database migrations applied");
        }
        if (app.Services.GetRequiredService<IOptions<DemoSeedOptions>>().Value.Enabled)
        {
            using var scope = app.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync();
        }
    }

    public static WebApplication UseAlgoTradePipeline(this WebApplication app)
    {
        var security = app.Services.GetRequiredService<IOptions<SecurityOptions>>().Value;
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        if (security.RequireHttps)
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        app.UseStatusCodePagesWithReExecute("/status/{0}", createScopeForStatusCodePages: true);
        // This host's own logger, not the process-wide static one (several hosts share a process in tests).
        app.UseSerilogRequestLogging(o => o.Logger = app.Services.GetRequiredService<Serilog.ILogger>());
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseMiddleware<Security.AdminTwoFactorRequirement>();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets();
        // Liveness answers without touching anything; readiness (and /healthz, kept for existing probes) checks the database.
        app.MapHealthChecks("/healthz/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/healthz/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapAccountEndpoints();
        app.MapTradeExportEndpoints();
        app.MapAdminEndpoints();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}

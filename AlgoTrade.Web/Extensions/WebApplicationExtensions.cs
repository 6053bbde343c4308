using AlgoTrade.Core.Persistence;
using AlgoTrade.Web.Components;
using AlgoTrade.Web.Endpoints;
using AlgoTrade.Web.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Serilog;

namespace AlgoTrade.Web.Extensions;

public static class WebApplicationExtensions
{
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
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
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
            app.UseHsts();
        }
        app.UseStatusCodePagesWithReExecute("/status/{0}", createScopeForStatusCodePages: true);
        app.UseSerilogRequestLogging();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseMiddleware<Security.AdminTwoFactorRequirement>();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapHealthChecks("/healthz").AllowAnonymous();
        app.MapAccountEndpoints();
        app.MapTradeExportEndpoints();
        app.MapAdminEndpoints();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}

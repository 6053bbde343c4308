using Serilog;

namespace AlgoTrade.Web.Extensions;

public static class LoggingExtensions
{
    public static Serilog.Core.Logger CreateBootstrapLogger() =>
        new LoggerConfiguration().WriteTo.Console().CreateLogger();

    public static WebApplicationBuilder AddAlgoTradeLogging(this WebApplicationBuilder builder)
    {
        // A plain (not reloadable) logger: the reloadable bootstrap logger can only be frozen once per process,
        // which breaks hosting the app more than once in tests.
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            // Its "Request starting" lines quote the full URL, and email links carry single-use tokens in the query.
            .MinimumLevel.Override("Microsoft.AspNetCore.Hosting.Diagnostics", Serilog.Events.LogEventLevel.Warning)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext());
        return builder;
    }
}

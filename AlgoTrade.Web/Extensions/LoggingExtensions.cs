using Serilog;

namespace AlgoTrade.Web.Extensions;

public static class LoggingExtensions
{
    public static Serilog.Core.Logger CreateBootstrapLogger() =>
        new LoggerConfiguration().WriteTo.Console().CreateLogger();

    public static WebApplicationBuilder AddAlgoTradeLogging(this WebApplicationBuilder builder)
    {
        // A plain (not reloadable) logger of this host's own, and the static Log.Logger left alone (it stays the
        // bootstrap console logger for start-up failures): with the static one, every host in a process (the tests
        // run many) would write through whichever host set it last, and the first to stop would close it for all.
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            // Its "Request starting" lines quote the full URL, and email links carry single-use tokens in the query.
            .MinimumLevel.Override("Microsoft.AspNetCore.Hosting.Diagnostics", Serilog.Events.LogEventLevel.Warning)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext(), preserveStaticLogger: true);
        return builder;
    }
}

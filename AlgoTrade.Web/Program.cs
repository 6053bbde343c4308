using AlgoTrade.Web.Extensions;
using Serilog;

Log.Logger = LoggingExtensions.CreateBootstrapLogger();
try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddAlgoTradeLogging();
    builder.AddAlgoTradeServices();

    var app = builder.Build();
    await app.PrepareDatabaseAsync();
    app.UseAlgoTradePipeline();
    await app.RunAsync();
}
catch (Exception ex) when (ex is not HostAbortedException)
{
    Log.Fatal(ex, "AlgoTrade stopped unexpectedly");
    throw;
}
finally
{
    await Log.CloseAndFlushAsync();
}

public partial class Program;

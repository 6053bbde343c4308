using AlgoTrade.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AlgoTrade.Cli.Commands;

internal static class CliServices
{
    /// <summary>Core services against the database named by --connection or ConnectionStrings__Default, plus any <paramref name="settings"/>.</summary>
    public static ServiceProvider Build(CliArgs args, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var connection = args.Get("connection") ?? Environment.GetEnvironmentVariable("ConnectionStrings__Default");
        if (string.IsNullOrWhiteSpace(connection))
            throw new CliException("No database: pass --connection or set ConnectionStrings__Default.");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Default"] = connection })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        // EF logs a failed probe of the migrations history table on a brand-new database; real failures still throw.
        services.AddLogging(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.None));
        services.AddAlgoTradeCore(configuration);
        return services.BuildServiceProvider();
    }
}

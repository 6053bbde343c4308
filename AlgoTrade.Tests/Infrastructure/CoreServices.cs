using AlgoTrade.Core;
using AlgoTrade.Core.Backtesting.Jobs;
using AlgoTrade.Core.Events;
using AlgoTrade.Core.Runtime;
using AlgoTrade.Core.Sweeps;
using AlgoTrade.Hosting.Live;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AlgoTrade.Tests.Infrastructure;

/// <summary>The Core service graph wired exactly as the app wires it, against a test database.</summary>
public static class CoreServices
{
    public static ServiceProvider Build(string connectionString, Action<IServiceCollection>? configure = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?> { ["ConnectionStrings:Default"] = connectionString };
        if (settings is not null)
            foreach (var (k, v) in settings) values[k] = v;
        TestKeyRing.AddTo(values);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Debug));
        services.AddAlgoTradeCore(configuration);
        configure?.Invoke(services);
        return services.BuildServiceProvider();
    }

    /// <summary>A work-queue node that runs backtests and sweeps (no scheduler: bot starts are only recorded).</summary>
    public static ServiceProvider ResearchNode(string connectionString, IReadOnlyDictionary<string, string?>? settings = null) =>
        Build(connectionString, s =>
        {
            s.AddSingleton<IBotScheduleControl>(new RecordingScheduleControl());
            s.AddSingleton<IBotEventHub, BotEventHub>();
            s.AddAlgoTradeBacktests();
            s.AddAlgoTradeSweeps();
        }, settings);
}

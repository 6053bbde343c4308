using Microsoft.Extensions.DependencyInjection;

namespace AlgoTrade.Core.Backtesting.Jobs;

public static class BacktestServiceCollectionExtensions
{
    /// <summary>Backtest jobs and the hosted worker that runs them; needs the Core services (database, exchanges).</summary>
    public static IServiceCollection AddAlgoTradeBacktests(this IServiceCollection services)
    {
        services.AddOptions<BacktestOptions>().BindConfiguration(BacktestOptions.Section);
        services.AddSingleton<BacktestQueue>();
        services.AddSingleton<BacktestCandleLoader>();
        services.AddSingleton<BacktestJobRunner>();
        services.AddSingleton<BacktestJobService>();
        services.AddHostedService<BacktestWorker>();
        return services;
    }
}

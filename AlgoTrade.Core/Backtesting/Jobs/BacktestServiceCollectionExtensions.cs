using AlgoTrade.Core.WorkQueue;
using Microsoft.Extensions.DependencyInjection;

namespace AlgoTrade.Core.Backtesting.Jobs;

public static class BacktestServiceCollectionExtensions
{
    /// <summary>Backtest jobs and their work queue handler; needs the Core services (database, exchanges).</summary>
    public static IServiceCollection AddAlgoTradeBacktests(this IServiceCollection services)
    {
        services.AddSingleton<BacktestCandleLoader>();
        services.AddSingleton<BacktestJobRunner>();
        services.AddSingleton<BacktestJobService>();
        services.AddWorkItemHandler<BacktestWorkItemHandler>();
        return services;
    }
}

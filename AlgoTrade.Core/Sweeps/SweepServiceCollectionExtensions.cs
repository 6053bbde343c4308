using AlgoTrade.Core.WorkQueue;
using Microsoft.Extensions.DependencyInjection;

namespace AlgoTrade.Core.Sweeps;

public static class SweepServiceCollectionExtensions
{
    /// <summary>Sweeps: the service, the per-node candle cache and the chunk runner and its work-queue handler; needs the backtest services (candle loader).</summary>
    public static IServiceCollection AddAlgoTradeSweeps(this IServiceCollection services)
    {
        services.AddOptions<SweepOptions>().BindConfiguration(SweepOptions.Section);
        services.AddSingleton<SweepDataCache>();
        services.AddSingleton<SweepChunkRunner>();
        services.AddSingleton<SweepService>();
        services.AddSingleton<ISweepChunkScheduler, WorkQueueSweepScheduler>();
        services.AddWorkItemHandler<SweepChunkHandler>();
        return services;
    }
}

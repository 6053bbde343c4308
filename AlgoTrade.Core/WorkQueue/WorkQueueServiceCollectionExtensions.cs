using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace AlgoTrade.Core.WorkQueue;

public static class WorkQueueServiceCollectionExtensions
{
    /// <summary>The queue, its listener and the worker; safe to call more than once (backtests and sweeps both do).</summary>
    public static IServiceCollection AddAlgoTradeWorkQueue(this IServiceCollection services)
    {
        services.AddOptions<WorkQueueOptions>().BindConfiguration(WorkQueueOptions.Section);
        services.TryAddSingleton<WorkQueue>();
        services.TryAddSingleton<WorkQueueEvents>();
        services.TryAddSingleton<WorkQueueSignal>();
        services.TryAddSingleton<WorkItemRunner>();
        services.TryAddSingleton<WorkQueueJobQueries>();
        services.TryAddSingleton<Admin.AdminJobService>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, WorkQueueListener>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, WorkQueueWorker>());
        return services;
    }

    /// <summary>Registers <typeparamref name="T"/> (a singleton) as the handler of its <see cref="IWorkItemHandler.Kind"/>.</summary>
    public static IServiceCollection AddWorkItemHandler<T>(this IServiceCollection services) where T : class, IWorkItemHandler
    {
        services.AddAlgoTradeWorkQueue();
        if (services.Any(d => d.ServiceType == typeof(T))) return services;
        services.AddSingleton<T>();
        services.AddSingleton<IWorkItemHandler>(sp => sp.GetRequiredService<T>());
        return services;
    }
}

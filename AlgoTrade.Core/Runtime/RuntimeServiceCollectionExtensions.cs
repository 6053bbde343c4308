using Microsoft.Extensions.DependencyInjection;

namespace AlgoTrade.Core.Runtime;

public static class RuntimeServiceCollectionExtensions
{
    /// <summary>The live bot runtime. The host supplies an IBotEventHub and something that schedules ticks.</summary>
    public static IServiceCollection AddAlgoTradeRuntime(this IServiceCollection services)
    {
        services.AddOptions<RuntimeOptions>().BindConfiguration(RuntimeOptions.Section);
        services.AddSingleton<IBotCredentialsProvider, ApiKeyCredentialsProvider>();
        services.AddSingleton<ActivityLogWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<ActivityLogWriter>());
        services.AddSingleton<WarmStrategies>();
        services.AddSingleton<IBotRunner, BotRunner>();
        services.AddSingleton<DailyReset>();
        return services;
    }
}

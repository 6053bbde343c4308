using AlgoTrade.Core.Runtime;
using AlgoTrade.Hosting.Live;
using AlgoTrade.Hosting.Scheduling;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using SchedulingOptions = AlgoTrade.Hosting.Scheduling.SchedulingOptions;

namespace AlgoTrade.Hosting;

public static class SchedulingServiceCollectionExtensions
{
    /// <summary>Quartz (in-memory or clustered on PostgreSQL), the bot scheduler and the live event hub.</summary>
    public static IServiceCollection AddAlgoTradeScheduling(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SchedulingOptions>().BindConfiguration(SchedulingOptions.Section);
        services.AddOptions<LiveEventsOptions>().BindConfiguration(LiveEventsOptions.Section);
        var options = configuration.GetSection(SchedulingOptions.Section).Get<SchedulingOptions>() ?? new SchedulingOptions();

        services.AddSingleton<BotEventHub>();
        services.AddSingleton<Core.Events.IBotEventHub>(sp => sp.GetRequiredService<BotEventHub>());
        services.AddHostedService<PostgresEventRelay>();

        services.AddSingleton<TickMetrics>();
        services.AddSingleton<BotScheduler>();
        services.AddSingleton<IBotScheduleControl>(sp => sp.GetRequiredService<BotScheduler>());

        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s =>
            {
                s.InstanceName = "AlgoTrade";
                s.GenerateInstanceId = options.InstanceId == "AUTO";
                if (!s.GenerateInstanceId) s.InstanceId = options.InstanceId;
            });
            q.UseDefaultThreadPool(tp => tp.MaxConcurrency = options.MaxConcurrency);
            if (options.StoreMode == SchedulerStoreMode.Postgres)
            {
                q.UsePersistentStore(store =>
                {
                    store.ConfigureStore(o =>
                    {
                        o.StoreJobDataAsStrings = true;
                        o.MisfireThreshold = options.MisfireThreshold;
                    });
                    store.UsePostgres(configuration.GetConnectionString("Default")!);
                    store.UseSystemTextJsonSerializer();
                    store.UseClustering(c =>
                    {
                        c.CheckinInterval = options.ClusterCheckinInterval;
                        c.CheckinMisfireThreshold = options.ClusterCheckinInterval * 2;
                    });
                });
            }
            else
            {
                q.UseInMemoryStore(o => o.MisfireThreshold = options.MisfireThreshold);
            }
            q.AddJob<DailyResetJob>(j => j.WithIdentity(DailyResetJob.Key).StoreDurably());
            q.AddTrigger(t => t.ForJob(DailyResetJob.Key).WithIdentity("daily-reset", "system")
                .WithCronSchedule("0 0 0 * * ?", c => c.InTimeZone(TimeZoneInfo.Utc).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
            // A few minutes past the hour, so the users whose hour it is are due; DailyDigestService sends each once a day.
            q.AddJob<DailyDigestJob>(j => j.WithIdentity(DailyDigestJob.Key).StoreDurably());
            q.AddTrigger(t => t.ForJob(DailyDigestJob.Key).WithIdentity("daily-digest", "system")
                .WithCronSchedule("0 2 * * * ?", c => c.InTimeZone(TimeZoneInfo.Utc).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
        });
        if (options.Enabled)
        {
            // Stopping the app waits for running ticks to finish, so no tick is cut between order and commit.
            services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
            if (options.ScheduleActiveBotsAtStartup)
                services.AddHostedService<BotSchedulerStartup>();
        }
        return services;
    }
}

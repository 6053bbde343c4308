using System.Globalization;
using AlgoTrade.Core.Runtime;
using Microsoft.Extensions.Logging;
using Quartz;

namespace AlgoTrade.Hosting.Scheduling;

/// <summary>Start, stop and reschedule bots in Quartz: one durable job and one simple trigger per bot.</summary>
public sealed class BotScheduler(ISchedulerFactory schedulerFactory, ILogger<BotScheduler> logger) : IBotScheduleControl
{
    public const string Group = "bots";

    public static JobKey JobKeyFor(int botId) => new($"bot-{botId}", Group);

    public static TriggerKey TriggerKeyFor(int botId) => new($"bot-{botId}", Group);

    public async Task ScheduleAsync(int botId, int intervalSeconds, CancellationToken cancellationToken = default)
    {
        if (intervalSeconds is < BotIntervals.MinimumSeconds or > BotIntervals.MaximumSeconds)
            throw new ArgumentOutOfRangeException(nameof(intervalSeconds), intervalSeconds,
                $"The check interval must be between {BotIntervals.MinimumSeconds} and {BotIntervals.MaximumSeconds} seconds.");
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        var job = JobBuilder.Create<BotTickJob>()
            .WithIdentity(JobKeyFor(botId))
            .UsingJobData(BotTickJob.BotIdKey, botId.ToString(CultureInfo.InvariantCulture))
            .Build();
        var trigger = TriggerBuilder.Create()
            .WithIdentity(TriggerKeyFor(botId))
            .ForJob(job)
            .StartAt(DateTimeOffset.UtcNow + Phase(botId, intervalSeconds))
            // A missed fire is skipped, never bunched: ticks stay on the bot's rhythm after a pause or a restart.
            .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(intervalSeconds)).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount))
            .Build();
        await scheduler.ScheduleJob(job, [trigger], ScheduleJobOptions.Replacing, cancellationToken);
        logger.LogInformation("Scheduled bot {BotId} every {IntervalSeconds}s", botId, intervalSeconds);
    }

    /// <summary>
    /// A fixed offset per bot (under ten seconds) so that many bots started together, as at start-up, do not all
    /// fire in the same instant.
    /// </summary>
    public static TimeSpan Phase(int botId, int intervalSeconds) =>
        TimeSpan.FromMilliseconds((botId * 7919L % 1000) * Math.Min(intervalSeconds, 10));

    public async Task UnscheduleAsync(int botId, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        if (await scheduler.DeleteJob(JobKeyFor(botId), cancellationToken))
            logger.LogInformation("Unscheduled bot {BotId}", botId);
    }

    public async Task TriggerNowAsync(int botId, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        // DisallowConcurrentExecution holds this fire until a tick in progress has finished.
        if (await scheduler.Exists(JobKeyFor(botId), cancellationToken))
            await scheduler.TriggerJob(JobKeyFor(botId), cancellationToken);
    }

    public async Task<bool> IsScheduledAsync(int botId, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        return await scheduler.Exists(JobKeyFor(botId), cancellationToken);
    }

    public async Task<TimeSpan?> GetIntervalAsync(int botId, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        return await scheduler.GetTrigger(TriggerKeyFor(botId), cancellationToken) is ISimpleTrigger trigger ? trigger.RepeatInterval : null;
    }
}

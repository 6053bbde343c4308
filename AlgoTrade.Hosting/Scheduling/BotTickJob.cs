using AlgoTrade.Core.Runtime;
using Microsoft.Extensions.Logging;
using Quartz;

namespace AlgoTrade.Hosting.Scheduling;

/// <summary>Quartz's side of a tick: a thin adapter over <see cref="IBotRunner"/>. One job and trigger per bot.</summary>
[DisallowConcurrentExecution]
public sealed class BotTickJob(IBotRunner runner, BotScheduler scheduler, TickMetrics metrics, ILogger<BotTickJob> logger) : IJob
{
    public const string BotIdKey = "botId";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var botId = int.Parse(context.MergedJobDataMap.GetString(BotIdKey)!, System.Globalization.CultureInfo.InvariantCulture);
        var interval = (context.Trigger as ISimpleTrigger)?.RepeatInterval;
        using var tick = metrics.Begin(botId, context.ScheduledFireTimeUtc, context.FireTimeUtc, interval);
        // Lets an operator (and the failover test) see which node ran which fire.
        logger.LogDebug("Tick of bot {BotId} for the fire scheduled at {ScheduledFireTime:O} on node {SchedulerInstanceId}",
            botId, context.ScheduledFireTimeUtc?.UtcDateTime, context.Scheduler.SchedulerInstanceId);
        TickOutcome outcome;
        try
        {
            outcome = await runner.TickAsync(botId, cancellationToken);
        }
        catch (Exception ex) when (DatabaseOutage.Is(ex) && !cancellationToken.IsCancellationRequested)
        {
            // Nothing of the tick was committed; the next fire starts from the last committed state.
            metrics.RecordFailure();
            logger.LogWarning("Tick of bot {BotId} skipped: the database cannot be reached ({Reason}); the next fire tries again",
                botId, ex.GetBaseException().Message);
            return;
        }
        if (outcome == TickOutcome.FailedTransient)
            metrics.RecordFailure();
        if (outcome == TickOutcome.BotDisabled)
            await scheduler.UnscheduleAsync(botId, cancellationToken);
    }
}

using AlgoTrade.Core.Runtime;
using Quartz;

namespace AlgoTrade.Hosting.Scheduling;

/// <summary>Quartz's side of a tick: a thin adapter over <see cref="IBotRunner"/>. One job and trigger per bot.</summary>
[DisallowConcurrentExecution]
public sealed class BotTickJob(IBotRunner runner, BotScheduler scheduler, TickMetrics metrics) : IJob
{
    public const string BotIdKey = "botId";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var botId = int.Parse(context.MergedJobDataMap.GetString(BotIdKey)!, System.Globalization.CultureInfo.InvariantCulture);
        var interval = (context.Trigger as ISimpleTrigger)?.RepeatInterval;
        using var tick = metrics.Begin(botId, context.ScheduledFireTimeUtc, context.FireTimeUtc, interval);
        var outcome = await runner.TickAsync(botId, cancellationToken);
        if (outcome == TickOutcome.FailedTransient)
            metrics.RecordFailure();
        if (outcome == TickOutcome.BotDisabled)
            await scheduler.UnscheduleAsync(botId, cancellationToken);
    }
}

using AlgoTrade.Core.Notifications;
using Quartz;

namespace AlgoTrade.Hosting.Scheduling;

/// <summary>Hourly: queues the daily digest of every user whose hour has come (once per user and UTC day, cluster-wide).</summary>
[DisallowConcurrentExecution]
public sealed class DailyDigestJob(DailyDigestService digests) : IJob
{
    public static readonly JobKey Key = new("daily-digest", "system");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await digests.SendDueAsync(cancellationToken);
}

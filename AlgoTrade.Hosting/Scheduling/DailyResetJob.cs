using AlgoTrade.Core.Runtime;
using Quartz;

namespace AlgoTrade.Hosting.Scheduling;

[DisallowConcurrentExecution]
public sealed class DailyResetJob(DailyReset reset) : IJob
{
    public static readonly JobKey Key = new("daily-reset", "system");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await reset.RunAsync(cancellationToken);
}

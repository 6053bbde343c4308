using AlgoTrade.Hosting.Scheduling;
using Microsoft.Extensions.Options;
using Quartz;
using SchedulingOptions = AlgoTrade.Hosting.Scheduling.SchedulingOptions;

namespace AlgoTrade.Web.Admin;

/// <summary>
/// Reads Quartz and <see cref="TickMetrics"/> for the System page. Both are optional services: until the app calls
/// AddAlgoTradeScheduling they are absent and the page says so instead of failing.
/// </summary>
public sealed class SchedulerStatusReader(IServiceProvider services, TimeProvider clock)
{
    private const int MaxFires = 10;

    public async Task<SchedulerStatus> ReadAsync(CancellationToken ct = default)
    {
        var options = services.GetService<IOptions<SchedulingOptions>>()?.Value ?? new SchedulingOptions();
        if (services.GetService<ISchedulerFactory>() is not { } factory)
            return SchedulerStatus.NotWired(options.StoreMode.ToString());

        var scheduler = await factory.GetScheduler(ct);
        var meta = await scheduler.GetMetadata(ct);
        var botJobs = await scheduler.QueryJobs(new JobQuery { Group = GroupMatcher<JobKey>.GroupEquals(BotScheduler.Group), Take = 1, IncludeTotalCount = true }, ct);
        // Headers carry next/previous fire times: one store round trip, however many bots there are.
        var triggers = await scheduler.QueryTriggers(new TriggerQuery { Take = PagedQuery.All }, ct);
        var fires = triggers.Items
            .Where(t => t.NextFireTimeUtc is not null)
            .OrderBy(t => t.NextFireTimeUtc)
            .Take(MaxFires)
            .Select(t => new ScheduledFire(t.JobKey.ToString(), t.NextFireTimeUtc, t.PreviousFireTimeUtc))
            .ToList();
        // Triggers that should have fired longer ago than the misfire threshold and have not: misfiring right now.
        var overdue = await scheduler.QueryTriggers(new TriggerQuery
        {
            State = TriggerState.Normal,
            NextFireTimeBefore = clock.GetUtcNow() - options.MisfireThreshold,
            Take = 1,
            IncludeTotalCount = true,
        }, ct);
        var nodes = (await scheduler.QueryClusterNodes(ct))
            .Select(n => new SchedulerNode(n.InstanceId, n.LastCheckInUtc, n.CheckInInterval, n.State.ToString(), n.IsCurrentNode))
            .ToList();

        TickMetricsSnapshot? metrics = null;
        if (services.GetService<TickMetrics>() is { } m)
        {
            var lateness = m.Lateness();
            metrics = new TickMetricsSnapshot(m.Ticks, m.Missed, m.Overlaps, m.Failures, lateness.P50Ms, lateness.P99Ms);
        }
        return new SchedulerStatus(true, options.StoreMode.ToString(), meta.SchedulerName, meta.SchedulerInstanceId, meta.Status.ToString(),
            meta.JobStorePersistent, meta.JobStoreClustered, meta.ThreadPoolSize, meta.RunningSince, meta.JobsExecuted,
            botJobs.TotalCount ?? botJobs.Items.Count, overdue.TotalCount ?? overdue.Items.Count, fires, nodes, metrics);
    }
}

using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AlgoTrade.Hosting.Scheduling;

/// <summary>At start-up, every active bot gets its job (in clustered mode most already exist and are left alone).</summary>
public sealed class BotSchedulerStartup(IDbContextFactory<AlgoTradeDbContext> dbFactory, BotScheduler scheduler, ILogger<BotSchedulerStartup> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var active = await db.BotConfigs
            .Where(b => b.IsActive && b.State != null && b.State.Status != BotStatus.Error && b.State.Status != BotStatus.Stopped)
            .Select(b => new { b.Id, b.CheckIntervalSeconds })
            .ToListAsync(cancellationToken);
        var scheduled = 0;
        foreach (var bot in active)
        {
            var interval = await scheduler.GetIntervalAsync(bot.Id, cancellationToken);
            if (interval == TimeSpan.FromSeconds(bot.CheckIntervalSeconds)) continue;
            await scheduler.ScheduleAsync(bot.Id, bot.CheckIntervalSeconds, cancellationToken);
            scheduled++;
        }
        logger.LogInformation("{ActiveBots} active bots, {Scheduled} (re)scheduled at start-up", active.Count, scheduled);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

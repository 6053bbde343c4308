using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AlgoTrade.Core.Runtime;

/// <summary>Midnight UTC: a fresh day for every bot. Lifts daily-limit pauses; never restarts a bot a person stopped.</summary>
public class DailyReset(IDbContextFactory<AlgoTradeDbContext> dbFactory, TimeProvider clock, ILogger<DailyReset> logger)
{
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var reset = await db.BotStates.ExecuteUpdateAsync(s => s
            .SetProperty(b => b.DailyPnl, 0m)
            .SetProperty(b => b.DailyTradesCount, 0)
            .SetProperty(b => b.LastUpdatedAt, now), ct);
        var resumed = await db.BotStates
            .Where(s => s.Status == BotStatus.Paused && s.BotConfig!.IsActive)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, BotStatus.Running).SetProperty(b => b.LastUpdatedAt, now), ct);
        logger.LogInformation("Daily reset: {BotCount} bots reset, {ResumedCount} paused bots resumed", reset, resumed);
        return reset;
    }
}

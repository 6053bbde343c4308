using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AlgoTrade.Core.Monitoring;

/// <summary>Snapshots of a trader's bots for the dashboard and the bot page; every query filters by the owner's id.</summary>
public sealed class DashboardQueries(IDbContextFactory<AlgoTradeDbContext> dbFactory, TimeProvider clock)
{
    public Task<IReadOnlyList<BotSnapshot>> ListAsync(int userId, CancellationToken ct = default) => QueryAsync(userId, null, ct);

    /// <summary>Null when the bot does not exist or belongs to someone else.</summary>
    public async Task<BotSnapshot?> GetAsync(int userId, int botId, CancellationToken ct = default) =>
        (await QueryAsync(userId, botId, ct)).SingleOrDefault();

    private async Task<IReadOnlyList<BotSnapshot>> QueryAsync(int userId, int? botId, CancellationToken ct)
    {
        var today = clock.GetUtcNow().UtcDateTime.Date;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var bots = db.BotConfigs.AsNoTracking().Where(b => b.UserId == userId);
        var trades = db.Trades.AsNoTracking().Where(t => t.UserId == userId);
        if (botId is { } id)
        {
            bots = bots.Where(b => b.Id == id);
            trades = trades.Where(t => t.BotConfigId == id);
        }
        var realized = await trades
            .GroupBy(t => t.BotConfigId)
            .Select(g => new
            {
                BotId = g.Key,
                Total = g.Sum(t => t.Pnl ?? 0m),
                Today = g.Sum(t => t.Timestamp >= today ? t.Pnl ?? 0m : 0m),
                LastTradeId = g.Max(t => t.Id),
            })
            .ToDictionaryAsync(r => r.BotId, ct);
        // Running bots first: they are what a trader opens the dashboard to watch.
        var rows = await bots
            .OrderByDescending(b => b.IsActive).ThenBy(b => b.Name).ThenBy(b => b.Id)
            .Select(b => new
            {
                b.Id, b.Name, b.Symbol, b.Timeframe, b.ExchangeName, b.StrategyType, b.IsActive, b.Risk.InitialCapital,
                State = b.State,
            })
            .ToListAsync(ct);
        return rows.Select(b =>
        {
            var s = b.State ?? new BotState { Status = BotStatus.Stopped };
            realized.TryGetValue(b.Id, out var r);
            return new BotSnapshot(
                b.Id, b.Name, b.Symbol, b.Timeframe, b.ExchangeName, b.StrategyType, b.IsActive, s.Status, s.InPosition,
                s.EntryPrice, s.CurrentPositionSizeCoins, s.StopLossPrice, s.TrailingStopPrice, s.TakeProfitPrice,
                s.DailyPnl, s.LastPrice, s.LastRunAt, s.LastErrorMessage, s.ForceExitRequested, b.InitialCapital,
                r?.Total ?? 0m, r?.Today ?? 0m, r?.LastTradeId);
        }).ToList();
    }
}

using AlgoTrade.Core.Backtesting;
using AlgoTrade.Core.Persistence;
using AlgoTrade.Core.Trading;

namespace AlgoTrade.Core.Runtime;

/// <summary>
/// Saves a tick's progress in one transaction: the engine's state and everything derived from it in bot_state,
/// with the trades and log rows booked since the last save. A tick saves once at its end, and also just before each
/// order it sends, so a crash while an order is in flight resumes from exactly that point.
/// </summary>
internal static class TickCheckpoint
{
    public static async Task SaveAsync(AlgoTradeDbContext db, BotTick tick, RiskEngine engine, double price, CancellationToken ct)
    {
        var state = tick.State;
        var s = engine.State;
        state.InPosition = s.Quantity > 0;
        state.EntryPrice = s.Quantity > 0 ? BotRunner.ToDecimal(s.EntryPrice) : null;
        state.CurrentPositionSizeCoins = s.Quantity > 0 ? BotRunner.ToDecimal(s.Quantity) : null;
        state.MaxPriceSinceEntry = s.Quantity > 0 ? BotRunner.ToDecimal(s.MaxPriceSinceEntry) : null;
        state.StopLossPrice = BotRunner.ToDecimal(engine.StopLossPrice);
        state.TrailingStopPrice = BotRunner.ToDecimal(engine.TrailingStopPrice);
        state.TakeProfitPrice = BotRunner.ToDecimal(engine.TakeProfitPrice);
        var today = DateOnly.FromDateTime(tick.Now);
        state.DailyPnl = s.DailyDate == today ? BotRunner.ToDecimal(s.DailyRealizedPnl) ?? 0 : 0;
        state.DailyTradesCount = s.DailyDate == today ? s.DailyTradeCount : 0;
        state.EngineState = BacktestJson.Serialize(s);
        if (double.IsFinite(price)) state.LastPrice = BotRunner.ToDecimal(price);
        state.LastRunAt = tick.Now;
        state.LastUpdatedAt = tick.Now;

        var trades = tick.TakeUnsavedTrades().ToList();
        db.Trades.AddRange(trades);
        db.BotActivityLogs.AddRange(tick.TakeUnsavedLogs());
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        if (trades.Count > 0)
            CrashPoint.Reached(CrashPoint.DuringCommit);
        await tx.CommitAsync(ct);
    }
}

using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Persistence;
using AlgoTrade.Core.Trading;
using Microsoft.EntityFrameworkCore;

namespace AlgoTrade.Core.Trades;

/// <summary>The trade history: server-side filters, sorting, paging, totals and a streamed read for exports. Always one user's trades.</summary>
public sealed class TradeQueries(IDbContextFactory<AlgoTradeDbContext> dbFactory)
{
    public const int MaxPageSize = 500;

    public async Task<TradePage> PageAsync(int userId, TradeFilter filter, TradeSortField sort, bool descending, int skip, int take, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = Filtered(db, userId, filter);
        var total = await query.CountAsync(ct);
        var items = await Sorted(query, sort, descending)
            .Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, MaxPageSize))
            .Select(ToRow).ToListAsync(ct);
        return new TradePage(items, total);
    }

    public async Task<TradeTotals> TotalsAsync(int userId, TradeFilter filter, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var totals = await Filtered(db, userId, filter)
            .GroupBy(_ => 1)
            .Select(g => new TradeTotals(g.Count(), g.Sum(t => t.Pnl) ?? 0m, g.Sum(t => t.CommissionAmount)))
            .SingleOrDefaultAsync(ct);
        return totals ?? new TradeTotals(0, 0, 0);
    }

    /// <summary>Rows oldest first, read from the database as they are enumerated (nothing buffered), for the CSV export.</summary>
    public async IAsyncEnumerable<TradeRow> StreamAsync(int userId, TradeFilter filter, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = Filtered(db, userId, filter).OrderBy(t => t.Timestamp).ThenBy(t => t.Id).Select(ToRow).AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(ct))
            yield return row;
    }

    /// <summary>The reasons the user's trades carry, for the filter's choices.</summary>
    public async Task<IReadOnlyList<string>> ReasonsAsync(int userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var mine = db.Trades.AsNoTracking().Where(t => t.UserId == userId);
        var entry = mine.Where(t => t.EntryReason != null).Select(t => t.EntryReason!);
        var exit = mine.Where(t => t.ExitReason != null).Select(t => t.ExitReason!);
        return await entry.Union(exit).OrderBy(r => r).ToListAsync(ct);
    }

    private static IQueryable<Trade> Filtered(AlgoTradeDbContext db, int userId, TradeFilter f)
    {
        var query = db.Trades.AsNoTracking().Where(t => t.UserId == userId);
        if (f.BotId is { } botId) query = query.Where(t => t.BotConfigId == botId);
        if (!string.IsNullOrWhiteSpace(f.Symbol))
        {
            // Part of the symbol in any case: "eth" finds ETHUSDT and ETHBTC, the way a trader searches.
            var symbol = f.Symbol.Trim().ToUpperInvariant();
            query = query.Where(t => t.Symbol.ToUpper().Contains(symbol));
        }
        if (!string.IsNullOrWhiteSpace(f.Side))
        {
            query = OrderSideText.TryParse(f.Side, out var side) ? query.Where(t => t.Side == side) : query.Where(t => false);
        }
        if (!string.IsNullOrWhiteSpace(f.Reason))
        {
            var reason = f.Reason.Trim();
            query = query.Where(t => t.EntryReason == reason || t.ExitReason == reason);
        }
        if (f.FromUtc is { } from) query = query.Where(t => t.Timestamp >= from);
        if (f.ToUtc is { } to) query = query.Where(t => t.Timestamp < to);
        return query;
    }

    private static IQueryable<Trade> Sorted(IQueryable<Trade> query, TradeSortField sort, bool descending)
    {
        IOrderedQueryable<Trade> ordered = sort switch
        {
            TradeSortField.Bot => Order(query, t => t.BotConfig!.Name, descending),
            TradeSortField.Symbol => Order(query, t => t.Symbol, descending),
            TradeSortField.Side => Order(query, t => t.Side, descending),
            TradeSortField.Price => Order(query, t => t.Price, descending),
            TradeSortField.Quantity => Order(query, t => t.QuantityFilled, descending),
            TradeSortField.QuoteQuantity => Order(query, t => t.QuoteQuantityFilled, descending),
            TradeSortField.Commission => Order(query, t => t.CommissionAmount, descending),
            TradeSortField.Pnl => Order(query, t => t.Pnl, descending),
            _ => Order(query, t => t.Timestamp, descending),
        };
        // A stable tie-break, so pages neither repeat nor skip rows.
        return descending ? ordered.ThenByDescending(t => t.Id) : ordered.ThenBy(t => t.Id);
    }

    private static IOrderedQueryable<Trade> Order<TKey>(IQueryable<Trade> query, Expression<Func<Trade, TKey>> key, bool descending) =>
        descending ? query.OrderByDescending(key) : query.OrderBy(key);

    private static readonly Expression<Func<Trade, TradeRow>> ToRow = t => new TradeRow(
        t.Id, t.Timestamp, t.BotConfigId, t.BotConfig!.Name, t.Symbol, t.Side, t.OrderType, t.Price, t.QuantityFilled,
        t.QuoteQuantityFilled, t.CommissionAmount, t.CommissionAsset, t.Pnl, t.EntryReason, t.ExitReason, t.BinanceOrderId);
}

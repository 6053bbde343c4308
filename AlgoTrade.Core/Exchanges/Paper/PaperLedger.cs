using System.Collections.Concurrent;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Persistence;
using AlgoTrade.Core.Trading;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlgoTrade.Core.Exchanges.Paper;

/// <summary>
/// Virtual balances and orders per bot in PostgreSQL. Every change runs in one transaction that first locks the bot's
/// balance rows, so concurrent ticks of one bot cannot spend the same money twice.
/// </summary>
public sealed class PaperLedger(
    IDbContextFactory<AlgoTradeDbContext> dbFactory,
    IOptions<PaperTradingOptions> options,
    TimeProvider clock,
    ILogger<PaperLedger> logger)
{
    private const int Decimals = 8;
    private readonly ConcurrentDictionary<int, bool> _seeded = new();

    private decimal Slippage => options.Value.SlippageRate;
    private decimal CommissionRate => options.Value.CommissionRate;

    /// <summary>Gives a bot its starting capital in <paramref name="quoteAsset"/> the first time it trades; later calls do nothing.</summary>
    public async Task<ExchangeResult<bool>> EnsureSeededAsync(int botId, Func<string, CancellationToken, Task<ExchangeResult<SymbolInfo>>> symbolInfo, CancellationToken ct)
    {
        if (_seeded.ContainsKey(botId))
            return ExchangeResult<bool>.Ok(true);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.PaperBalances.AnyAsync(b => b.BotConfigId == botId, ct))
        {
            var bot = await db.BotConfigs.Where(b => b.Id == botId).Select(b => new { b.Symbol, b.Risk.InitialCapital }).SingleOrDefaultAsync(ct);
            if (bot is null)
                return ExchangeResult<bool>.Fail(ExchangeErrorKind.InvalidRequest, $"Bot {botId} does not exist.");
            var symbol = await symbolInfo(bot.Symbol, ct);
            if (!symbol.Success)
                return symbol.As<bool>();
            var now = clock.GetUtcNow().UtcDateTime;
            // ON CONFLICT: two first ticks racing each other seed once.
            await db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO paper_balances (bot_config_id, asset, free, locked, updated_at)
                SELECT {botId}, {symbol.Data.QuoteAsset}, {bot.InitialCapital}, 0, {now}
                WHERE NOT EXISTS (SELECT 1 FROM paper_balances WHERE bot_config_id = {botId})
                ON CONFLICT (bot_config_id, asset) DO NOTHING
                """, ct);
            logger.LogInformation("Paper account of bot {BotId} opened with {Amount} {Asset}", botId, bot.InitialCapital, symbol.Data.QuoteAsset);
        }
        _seeded[botId] = true;
        return ExchangeResult<bool>.Ok(true);
    }

    public async Task<IReadOnlyList<Balance>> GetBalancesAsync(int botId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.PaperBalances.AsNoTracking()
            .Where(b => b.BotConfigId == botId)
            .OrderBy(b => b.Asset)
            .Select(b => new Balance(b.Asset, b.Free, b.Locked))
            .ToListAsync(ct);
    }

    /// <summary>Places an order that already passed the symbol's filters; MARKET fills at once, LIMIT when the price crosses.</summary>
    public async Task<ExchangeResult<ExchangeOrder>> PlaceAsync(
        int botId, string exchangeName, SymbolInfo symbol, OrderRequest order, decimal lastPrice, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var account = await LockAccountAsync(db, botId, ct);
        if (await db.PaperOrders.AnyAsync(o => o.BotConfigId == botId && o.ClientOrderId == order.ClientOrderId, ct))
            return ExchangeResult<ExchangeOrder>.Fail(ExchangeErrorKind.DuplicateOrder, "Duplicate order sent.", -2010);

        var now = clock.GetUtcNow().UtcDateTime;
        var entity = new PaperOrder
        {
            BotConfigId = botId,
            ExchangeName = exchangeName,
            ClientOrderId = order.ClientOrderId,
            Symbol = symbol.Symbol,
            Side = order.Side,
            OrderType = order.Type == OrderType.Limit ? OrderTypes.Limit : OrderTypes.Market,
            Price = order.Price,
            CommissionAsset = symbol.QuoteAsset,
            CreatedAt = now,
            UpdatedAt = now,
        };
        var quote = account.Get(symbol.QuoteAsset);
        var baseAsset = account.Get(symbol.BaseAsset);

        if (order.Type == OrderType.Market)
        {
            var price = order.ReferencePrice is { } reference && reference > 0
                ? reference
                : order.Side == OrderSide.Buy
                    ? CeilToTick(lastPrice * (1 + Slippage), symbol.TickSize)
                    : OrderFilters.RoundDown(lastPrice * (1 - Slippage), symbol.TickSize);
            var quantity = order.Quantity ?? OrderFilters.RoundDown(order.QuoteQuantity!.Value / price, symbol.StepSize);
            if (quantity <= 0 || quantity < symbol.MinQuantity || quantity * price < symbol.MinNotional)
                return ExchangeResult<ExchangeOrder>.Fail(ExchangeErrorKind.FilterFailure,
                    $"At {price.Text()} the order is {quantity.Text()} {symbol.BaseAsset}, below the minimum quantity {symbol.MinQuantity.Text()} or notional {symbol.MinNotional.Text()}.", -1013);
            var notional = quantity * price;
            var fee = Fee(notional);
            if (order.Side == OrderSide.Buy ? quote.Free < notional + fee : baseAsset.Free < quantity)
                return InsufficientBalance();
            entity.Quantity = quantity;
            Settle(entity, quote, baseAsset, quantity, price, fee, now);
        }
        else
        {
            var quantity = order.Quantity!.Value;
            var limit = order.Price!.Value;
            entity.Quantity = quantity;
            if (order.Side == OrderSide.Buy)
            {
                var reserve = Round(quantity * limit * (1 + CommissionRate));
                if (quote.Free < reserve)
                    return InsufficientBalance();
                Reserve(entity, quote, reserve);
            }
            else
            {
                if (baseAsset.Free < quantity)
                    return InsufficientBalance();
                Reserve(entity, baseAsset, quantity);
            }
            // A limit order that is already marketable trades at once at the current price, like a taker.
            if (order.Side == OrderSide.Buy ? lastPrice <= limit : lastPrice >= limit)
                Settle(entity, quote, baseAsset, quantity, lastPrice, Fee(quantity * lastPrice), now);
        }

        db.PaperOrders.Add(entity);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        logger.LogInformation("Paper order {ClientOrderId} of bot {BotId}: {Side} {Type} {Quantity} {Symbol} is {Status}",
            entity.ClientOrderId, botId, entity.Side.ToText(), entity.OrderType, entity.Quantity, entity.Symbol, entity.Status.ToText());
        return ExchangeResult<ExchangeOrder>.Ok(ToExchangeOrder(entity));
    }

    /// <summary>Fills the bot's open LIMIT orders whose price the market crossed; returns how many filled.</summary>
    public async Task<ExchangeResult<int>> MatchOpenOrdersAsync(
        int botId, Func<string, CancellationToken, Task<ExchangeResult<decimal>>> lastPrice, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var symbols = await db.PaperOrders
            .Where(o => o.BotConfigId == botId && o.Status == OrderStatus.New)
            .Select(o => o.Symbol).Distinct().ToListAsync(ct);
        if (symbols.Count == 0)
            return ExchangeResult<int>.Ok(0);

        var prices = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var symbol in symbols)
        {
            var price = await lastPrice(symbol, ct);
            if (!price.Success)
                return price.As<int>();
            prices[symbol] = price.Data;
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var account = await LockAccountAsync(db, botId, ct);
        var open = await db.PaperOrders.Where(o => o.BotConfigId == botId && o.Status == OrderStatus.New).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var filled = 0;
        foreach (var order in open)
        {
            if (!prices.TryGetValue(order.Symbol, out var price) || order.Price is not { } limit)
                continue;
            var crossed = order.Side == OrderSide.Buy ? price <= limit : price >= limit;
            if (!crossed)
                continue;
            var (baseAsset, quoteAsset) = Split(order);
            Settle(order, account.Get(quoteAsset), account.Get(baseAsset), order.Quantity, limit, Fee(order.Quantity * limit), now);
            filled++;
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        if (filled > 0)
            logger.LogInformation("Filled {Count} paper limit order(s) of bot {BotId}", filled, botId);
        return ExchangeResult<int>.Ok(filled);
    }

    public async Task<ExchangeResult<ExchangeOrder>> GetOrderAsync(int botId, string symbol, string clientOrderId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var order = await db.PaperOrders.AsNoTracking()
            .SingleOrDefaultAsync(o => o.BotConfigId == botId && o.ClientOrderId == clientOrderId && o.Symbol == symbol.ToUpperInvariant(), ct);
        return order is null ? NotFound() : ExchangeResult<ExchangeOrder>.Ok(ToExchangeOrder(order));
    }

    public async Task<ExchangeResult<ExchangeOrder>> CancelAsync(int botId, string symbol, string clientOrderId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var account = await LockAccountAsync(db, botId, ct);
        var order = await db.PaperOrders
            .SingleOrDefaultAsync(o => o.BotConfigId == botId && o.ClientOrderId == clientOrderId && o.Symbol == symbol.ToUpperInvariant(), ct);
        if (order is null)
            return NotFound();
        if (order.Status != OrderStatus.New)
            return ExchangeResult<ExchangeOrder>.Fail(ExchangeErrorKind.Rejected, $"Order is {order.Status.ToText()} and cannot be cancelled.", -2011);
        if (order.ReservedAsset is { } asset)
        {
            var balance = account.Get(asset);
            balance.Locked -= order.ReservedAmount;
            balance.Free += order.ReservedAmount;
            balance.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        }
        order.ReservedAmount = 0;
        order.Status = OrderStatus.Canceled;
        order.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return ExchangeResult<ExchangeOrder>.Ok(ToExchangeOrder(order));
    }

    public static ExchangeOrder ToExchangeOrder(PaperOrder o) => new(
        o.Symbol,
        o.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        o.ClientOrderId,
        o.Side,
        o.OrderType == OrderTypes.Limit ? OrderType.Limit : OrderType.Market,
        o.Status,
        o.Price ?? 0,
        o.Quantity,
        o.ExecutedQuantity,
        o.CumulativeQuoteQuantity,
        o.UpdatedAt,
        o.ExecutedQuantity > 0 ? [new OrderFill(o.CumulativeQuoteQuantity / o.ExecutedQuantity, o.ExecutedQuantity, o.Commission, o.CommissionAsset)] : []);

    private void Settle(PaperOrder order, PaperBalance quote, PaperBalance baseAsset, decimal quantity, decimal price, decimal fee, DateTime now)
    {
        var notional = quantity * price;
        if (order.Side == OrderSide.Buy)
        {
            var spent = notional + fee;
            if (order.ReservedAmount > 0)
            {
                // The reserve was priced at the limit; whatever the fill did not use returns to free.
                quote.Locked -= order.ReservedAmount;
                quote.Free += order.ReservedAmount - spent;
            }
            else
            {
                quote.Free -= spent;
            }
            baseAsset.Free += quantity;
        }
        else
        {
            if (order.ReservedAmount > 0)
                baseAsset.Locked -= order.ReservedAmount;
            else
                baseAsset.Free -= quantity;
            quote.Free += notional - fee;
        }
        quote.UpdatedAt = now;
        baseAsset.UpdatedAt = now;
        order.ReservedAmount = 0;
        order.ReservedAsset = null;
        order.ExecutedQuantity = quantity;
        order.CumulativeQuoteQuantity = notional;
        order.Commission = fee;
        order.Status = OrderStatus.Filled;
        order.UpdatedAt = now;
    }

    private static void Reserve(PaperOrder order, PaperBalance balance, decimal amount)
    {
        balance.Free -= amount;
        balance.Locked += amount;
        order.ReservedAmount = amount;
        order.ReservedAsset = balance.Asset;
    }

    private static (string Base, string Quote) Split(PaperOrder order)
    {
        var quote = order.CommissionAsset;
        return (order.Symbol[..^quote.Length], quote);
    }

    private decimal Fee(decimal notional) => Round(notional * CommissionRate);

    private static decimal Round(decimal value) => Math.Round(value, Decimals, MidpointRounding.AwayFromZero);

    private static decimal CeilToTick(decimal price, decimal tick) => tick <= 0 ? price : Math.Ceiling(price / tick) * tick;

    private static ExchangeResult<ExchangeOrder> InsufficientBalance() =>
        ExchangeResult<ExchangeOrder>.Fail(ExchangeErrorKind.InsufficientBalance, "Account has insufficient balance for requested action.", -2010);

    private static ExchangeResult<ExchangeOrder> NotFound() =>
        ExchangeResult<ExchangeOrder>.Fail(ExchangeErrorKind.OrderNotFound, "Order does not exist.", -2013);

    private static async Task<Account> LockAccountAsync(AlgoTradeDbContext db, int botId, CancellationToken ct)
    {
        var rows = await db.PaperBalances
            .FromSql($"SELECT * FROM paper_balances WHERE bot_config_id = {botId} ORDER BY asset FOR UPDATE")
            .ToListAsync(ct);
        return new Account(db, botId, rows);
    }

    private sealed class Account(AlgoTradeDbContext db, int botId, List<PaperBalance> rows)
    {
        public PaperBalance Get(string asset)
        {
            var row = rows.Find(r => r.Asset == asset);
            if (row is null)
            {
                row = new PaperBalance { BotConfigId = botId, Asset = asset };
                rows.Add(row);
                db.PaperBalances.Add(row);
            }
            return row;
        }
    }
}

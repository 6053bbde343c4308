using System.Globalization;
using AlgoTrade.Core.Backtesting;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Exchanges;
using AlgoTrade.Core.Persistence;
using AlgoTrade.Core.Trading;
using Microsoft.EntityFrameworkCore;

namespace AlgoTrade.Core.Runtime;

/// <summary>
/// Sends the engine's intents to the exchange without ever sending one twice: the client order id (bot id and a
/// per-bot sequence) and the intent are committed to bot_state before the request, and an order of unknown outcome
/// is looked up by that id on the next tick.
/// </summary>
internal sealed class OrderExecutor(AlgoTradeDbContext db, IExchangeClient client, BotTick tick, RiskEngine engine, TimeProvider clock)
{
    private readonly List<PendingExchangeOrder> _pending = Load(tick.State.PendingOrders);
    private SymbolInfo? _symbol;

    public static string ClientOrderIdFor(int botId, int sequence) => string.Create(CultureInfo.InvariantCulture, $"at{botId}-{sequence}");

    /// <summary>Settles orders written down by an earlier tick. Returns the error when one is still unknown.</summary>
    public async Task<ExchangeError?> ReconcileAsync(CancellationToken ct)
    {
        while (_pending.Count > 0)
        {
            var pending = _pending[0];
            var found = await client.GetOrderAsync(tick.Bot.Symbol, pending.ClientOrderId, ct);
            if (!found.Success && found.Error.Kind == ExchangeErrorKind.OrderNotFound
                && clock.GetUtcNow().UtcDateTime - pending.PlacedAt is var age && age < client.OrderInFlightWindow)
            {
                // Not final yet: the exchange may still accept the original, so it is neither dropped nor decided again.
                return new ExchangeError(ExchangeErrorKind.UnknownExecutionStatus, string.Create(CultureInfo.InvariantCulture,
                    $"Order {pending.ClientOrderId} is not known to the exchange yet, but it was sent {age.TotalSeconds:0.#} s ago and may still be on its way; it is looked up again before anything else"));
            }
            if (!found.Success && found.Error.Kind == ExchangeErrorKind.OrderNotFound)
            {
                tick.Log(ActivityLogLevel.Warning, $"Order {pending.ClientOrderId} was never executed by the exchange; it is dropped",
                    new { client_order_id = pending.ClientOrderId, side = pending.Side.ToString(), reason = pending.Reason.ToName() });
                // A signal order that never reached the book is decided again: it goes out at this tick's price.
                engine.PutBackPendingOrder(pending.ToIntent());
            }
            else if (!found.Success)
            {
                return found.Error;
            }
            else if (found.Data.ExecutedQuantity > 0)
            {
                if (await SymbolAsync(ct) is { Error: { } symbolError }) return symbolError;
                var known = await db.Trades.AnyAsync(t => t.BotConfigId == tick.Bot.Id && t.ClientOrderId == pending.ClientOrderId, ct);
                if (!known)
                {
                    // Booked at the exchange's fill time, not at this later tick's time.
                    var filledAt = found.Data.UpdatedAt > DateTime.UnixEpoch ? found.Data.UpdatedAt : tick.Now;
                    await BookAsync(pending.ToIntent(), found.Data, pending.Reason.ToName(), filledAt, ct);
                    tick.Log(ActivityLogLevel.Warning, $"Order {pending.ClientOrderId} had been filled before the last tick could record it; recorded now",
                        new { client_order_id = pending.ClientOrderId, exchange_order_id = found.Data.OrderId });
                }
            }
            else
            {
                // Accepted but not filled (a market order should not rest): cancel it so nothing fills behind our back.
                await client.CancelOrderAsync(tick.Bot.Symbol, pending.ClientOrderId, ct);
                tick.Log(ActivityLogLevel.Warning, $"Order {pending.ClientOrderId} was open without fills and has been cancelled",
                    new { client_order_id = pending.ClientOrderId, status = found.Data.Status.ToString() });
            }
            _pending.RemoveAt(0);
        }
        tick.State.PendingOrders = null;
        return null;
    }

    /// <summary>Places one intent at the market and books the fill. Returns an error that should end the tick.</summary>
    public async Task<ExchangeError?> ExecuteAsync(OrderIntent intent, bool referencePrice, CancellationToken ct)
    {
        if (await SymbolAsync(ct) is { Error: { } symbolError })
        {
            engine.PutBackPendingOrder(in intent);
            return symbolError;
        }
        var state = tick.State;
        state.OrderSequence++;
        var clientOrderId = ClientOrderIdFor(tick.Bot.Id, state.OrderSequence);
        var pending = PendingExchangeOrder.From(in intent, clientOrderId, clock.GetUtcNow().UtcDateTime);
        _pending.Add(pending);
        await WriteDownAsync(ct);
        CrashPoint.Reached(CrashPoint.AfterCheckpoint);

        var side = intent.Side;
        var request = intent.Side == OrderSide.Buy
            ? OrderRequest.MarketByQuote(tick.Bot.Symbol, side, Math.Round((decimal)intent.QuoteAmount, 8, MidpointRounding.ToZero), clientOrderId)
            : OrderRequest.Market(tick.Bot.Symbol, side, Math.Round((decimal)intent.Quantity, 8, MidpointRounding.ToZero), clientOrderId);
        if (referencePrice)
            request = request with { ReferencePrice = (decimal)intent.Price };
        var placed = await client.PlaceOrderAsync(request, ct);
        if (placed.Success)
            CrashPoint.Reached(CrashPoint.AfterSend);
        if (!placed.Success)
        {
            if (placed.Error.RequiresReconciliation)
                return placed.Error; // stays written down: the next tick looks it up
            _pending.Remove(pending);
            tick.State.PendingOrders = null;
            if (placed.Error.IsTransient)
            {
                // Nothing was executed; an order decided at a close is retried by the next tick.
                engine.PutBackPendingOrder(in intent);
                return placed.Error;
            }
            tick.Log(ActivityLogLevel.Error, $"{(intent.Side == OrderSide.Buy ? "Buy" : "Sell")} order refused by {tick.Bot.ExchangeName}: {placed.Error.Message}",
                new { kind = placed.Error.Kind.ToString(), code = placed.Error.Code, reason = intent.Reason.ToName(), intended_price = intent.Price, quantity = intent.Quantity, quote_amount = intent.QuoteAmount });
            // A position too small to sell (left by an earlier version) would be refused on every tick.
            if (intent.Side == OrderSide.Sell && placed.Error.Kind == ExchangeErrorKind.FilterFailure)
                CloseIfDust((decimal)intent.Price);
            return placed.Error.Kind is ExchangeErrorKind.InvalidApiKey or ExchangeErrorKind.BadSymbol ? placed.Error : null;
        }
        await BookAsync(intent, placed.Data, intent.Reason.ToName(), tick.Now, ct);
        _pending.Remove(pending);
        tick.State.PendingOrders = null;
        return null;
    }

    private async Task BookAsync(OrderIntent intent, ExchangeOrder order, string reason, DateTime filledAt, CancellationToken ct)
    {
        var symbolQuote = _symbol!.QuoteAsset;
        var quantity = order.ExecutedQuantity;
        var quote = order.CumulativeQuoteQuantity;
        var price = order.AveragePrice;
        decimal fee = 0;
        decimal feeTakenFromCoins = 0;
        foreach (var f in order.Fills)
        {
            if (string.Equals(f.CommissionAsset, symbolQuote, StringComparison.OrdinalIgnoreCase))
                fee += f.Commission;
            else if (string.Equals(f.CommissionAsset, _symbol.BaseAsset, StringComparison.OrdinalIgnoreCase))
            {
                // Commission taken in the base asset: the position is smaller by it, and it costs its value in quote.
                fee += f.Commission * f.Price;
                if (intent.Side == OrderSide.Buy)
                {
                    quantity -= f.Commission;
                    feeTakenFromCoins += f.Commission * f.Price;
                }
            }
            else if (f.Commission != 0)
            {
                // Commission in a third asset (BNB on Binance): its value in the quote asset at the current price.
                var rate = await client.GetLastPriceAsync(f.CommissionAsset + symbolQuote, ct);
                if (rate.Success)
                    fee += f.Commission * rate.Data;
                else
                    tick.Log(ActivityLogLevel.Warning, $"Commission of {f.Commission:G10} {f.CommissionAsset} could not be valued in {symbolQuote}; it is left out of the fee",
                        new { commission = f.Commission, asset = f.CommissionAsset, error = rate.Error.Message });
            }
        }
        // The engine takes quote + fee from its cash; a commission taken from the coins bought left the account as
        // coins (the smaller quantity), not as cash, so only the rest of the quote amount is cash spent.
        var fill = new Fill(filledAt, (double)price, (double)quantity, (double)(quote - feeTakenFromCoins), (double)fee);
        var pnl = engine.ApplyFill(in intent, in fill);
        if (intent.Side == OrderSide.Sell)
            CloseIfDust(price);
        tick.Trades.Add(new Trade
        {
            BotConfigId = tick.Bot.Id,
            UserId = tick.Bot.UserId,
            BinanceOrderId = order.OrderId,
            ClientOrderId = order.ClientOrderId,
            Symbol = order.Symbol,
            Side = intent.Side,
            OrderType = OrderTypes.Market,
            Price = price,
            QuantityFilled = quantity,
            QuoteQuantityFilled = quote,
            CommissionAmount = fee,
            CommissionAsset = symbolQuote,
            Pnl = BotRunner.ToDecimal(double.IsNaN(pnl) ? null : pnl),
            EntryReason = intent.Side == OrderSide.Buy ? reason : null,
            ExitReason = intent.Side == OrderSide.Sell ? reason : null,
            Timestamp = filledAt,
        });
        var verb = intent.Side == OrderSide.Buy ? "Bought" : "Sold";
        tick.Log(ActivityLogLevel.Info, $"{verb} {quantity:G10} {order.Symbol} at {price:G10} ({reason})", new
        {
            client_order_id = order.ClientOrderId,
            exchange_order_id = order.OrderId,
            side = intent.Side.ToString().ToUpperInvariant(),
            reason,
            intended_price = intent.Price,
            fill_price = price,
            quantity,
            quote_quantity = quote,
            fee,
            realized_pnl = double.IsNaN(pnl) ? (double?)null : pnl,
        });
    }

    /// <summary>
    /// What is left after a sell that the exchange would refuse to sell (below a step, the minimum quantity or the
    /// minimum notional, e.g. the commission's rounding) stays in the account as dust: the position counts as closed,
    /// or the bot would hold it forever, unable to sell it and blocked from entering again.
    /// </summary>
    private void CloseIfDust(decimal price)
    {
        var state = engine.State;
        if (state.Quantity <= 0) return;
        var rest = (decimal)state.Quantity;
        var sellable = OrderFilters.RoundDown(rest, _symbol!.StepSize);
        if (sellable > 0 && sellable >= _symbol.MinQuantity && sellable * price >= _symbol.MinNotional) return;
        tick.Log(ActivityLogLevel.Info, $"The remaining {rest:G10} {_symbol.BaseAsset} is below what {tick.Bot.ExchangeName} can sell; it stays in the account and the position is closed",
            new { dust = rest, asset = _symbol.BaseAsset, step_size = _symbol.StepSize, min_quantity = _symbol.MinQuantity, min_notional = _symbol.MinNotional });
        state.ClearPosition();
    }

    /// <summary>The symbol's assets, asked once per tick and only when an order is booked (commissions name assets).</summary>
    private async Task<ExchangeResult<SymbolInfo>?> SymbolAsync(CancellationToken ct)
    {
        if (_symbol is not null) return null;
        var found = await client.GetSymbolAsync(tick.Bot.Symbol, ct);
        if (found.Success) _symbol = found.Data;
        return found.Success ? null : found;
    }

    /// <summary>Checkpoints the tick with this order written down, before the request leaves.</summary>
    private async Task WriteDownAsync(CancellationToken ct)
    {
        tick.State.PendingOrders = _pending.Count == 0 ? null : BacktestJson.Serialize(_pending);
        await TickCheckpoint.SaveAsync(db, tick, engine, tick.LastPrice, ct);
    }

    private static List<PendingExchangeOrder> Load(string? json) =>
        string.IsNullOrEmpty(json) ? [] : BacktestJson.Deserialize<List<PendingExchangeOrder>>(json) ?? [];
}

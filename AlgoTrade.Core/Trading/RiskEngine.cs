using System.Runtime.CompilerServices;
using AlgoTrade.Core.Market;
using AlgoTrade.Core.Strategies;

namespace AlgoTrade.Core.Trading;

/// <summary>
/// The fill model of docs/backtesting.md for one long-only spot position, shared by the backtester and the live
/// runtime. All memory is in <see cref="State"/>; the engine only decides (<see cref="OrderIntent"/>) and applies
/// what a broker reports (<see cref="ApplyFill"/>). Computes in double: the backtest loop must be allocation-free
/// and fast, and double keeps the documented arithmetic within 1e-9 relative of decimal.
/// </summary>
public sealed class RiskEngine
{
    // A position smaller than this fraction of its entry quantity is rounding dust and counts as closed.
    private const double DustFraction = 1e-9;

    private readonly long _timeframeTicks;
    private readonly double _positionSizeFraction;
    private readonly double _positionSizeFixed;
    private readonly double _stopLossFactor;
    private readonly double _trailingFactor;
    private readonly double _takeProfitFactor;
    private readonly double[] _partialFactors;
    private readonly double[] _partialRatios;
    private readonly long _maxDurationTicks;
    private readonly double _dailyTarget;
    private readonly double _dailyLossLimit;
    private readonly double _feeRate;
    private readonly double _buySlippage;
    private readonly double _sellSlippage;
    private readonly bool _hasFixedStop;
    private readonly bool _hasTrailingStop;
    private readonly bool _hasTakeProfit;
    private readonly bool _hasMaxDuration;
    private readonly bool _hasDailyTarget;
    private readonly bool _hasDailyLoss;
    private readonly bool _hasFixedSize;

    public RiskEngine(RiskSettings settings, Timeframe timeframe, PositionState? state = null)
    {
        var errors = RiskSettingsValidator.Validate(settings);
        if (errors.Count > 0)
            throw new ArgumentException("Invalid risk settings: " + string.Join(" ", Validation.ValidationErrors.Describe(errors)), nameof(settings));

        Settings = settings;
        Timeframe = timeframe;
        State = state ?? PositionState.Initial(settings.InitialCapital);
        _timeframeTicks = timeframe.Duration.Ticks;

        _hasFixedSize = settings.PositionSizeFixed is not null;
        _positionSizeFixed = (double)(settings.PositionSizeFixed ?? 0);
        _positionSizeFraction = (double)(settings.PositionSizePerc ?? 0) / 100;

        _hasFixedStop = settings.StopLossPerc is not null;
        _stopLossFactor = 1 - (double)(settings.StopLossPerc ?? 0) / 100;
        _hasTrailingStop = settings.TrailingStopActive && settings.TrailingStopPerc is not null;
        _trailingFactor = 1 - (double)(settings.TrailingStopPerc ?? 0) / 100;
        _hasTakeProfit = settings.TakeProfitPerc is not null;
        _takeProfitFactor = 1 + (double)(settings.TakeProfitPerc ?? 0) / 100;

        var partials = settings.PartialTakeProfits.OrderBy(p => p.Percentage).ToArray();
        _partialFactors = partials.Select(p => 1 + (double)p.Percentage / 100).ToArray();
        _partialRatios = partials.Select(p => (double)p.Ratio).ToArray();

        _hasMaxDuration = settings.MaxTradeDurationHours is not null;
        _maxDurationTicks = TimeSpan.FromHours(settings.MaxTradeDurationHours ?? 0).Ticks;

        var capital = (double)settings.InitialCapital;
        _hasDailyTarget = settings.DailyTargetPerc is not null;
        _dailyTarget = (double)(settings.DailyTargetPerc ?? 0) / 100 * capital;
        _hasDailyLoss = settings.MaxDailyLossPerc is not null;
        _dailyLossLimit = -(double)(settings.MaxDailyLossPerc ?? 0) / 100 * capital;

        _feeRate = (double)settings.FeeRate;
        var slippage = (double)settings.SlippageBps / 10_000;
        _buySlippage = 1 + slippage;
        _sellSlippage = 1 - slippage;
    }

    public RiskSettings Settings { get; }
    public Timeframe Timeframe { get; }
    public PositionState State { get; }

    /// <summary>Partial take-profit levels in the order the engine works them (ascending percentage).</summary>
    public int PartialLevelCount => _partialFactors.Length;

    /// <summary>
    /// Runs fill model steps 0–5 for one closed candle, executing every intent through <paramref name="driver"/>.
    /// <paramref name="signal"/> is the strategy's output for this same candle.
    /// </summary>
    public CandleDecision OnCandle<TDriver>(in Candle candle, Signal signal, ref TDriver driver) where TDriver : IFillDriver
    {
        OrderIntent intent;
        if (State.PendingOrder != PendingOrder.None && TryTakePendingOrder(candle.OpenTime, candle.Open, out intent))
            Execute(in intent, ref driver);

        if (State.Quantity > 0)
        {
            while (TryExitWithinCandle(in candle, out intent))
                Execute(in intent, ref driver);
            if (TryExitOnDuration(in candle, out intent))
                Execute(in intent, ref driver);
        }

        var decision = OnCandleClosed(in candle, signal);
        if (decision >= CandleDecision.EntrySkippedZeroSize)
            driver.Notice(candle.OpenTime.AddTicks(_timeframeTicks), decision);
        return decision;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Execute<TDriver>(in OrderIntent intent, ref TDriver driver) where TDriver : IFillDriver
    {
        var fill = driver.Execute(in intent);
        var pnl = ApplyFill(in intent, in fill);
        driver.Filled(in intent, in fill, pnl);
    }

    /// <summary>
    /// Step 0: turns the order decided at the previous close into a market intent at <paramref name="referencePrice"/>
    /// (open[t] in a backtest, the current price live), worsened by the slippage. Clears the pending order.
    /// </summary>
    public bool TryTakePendingOrder(DateTime time, double referencePrice, out OrderIntent intent)
    {
        var pending = State.PendingOrder;
        State.PendingOrder = PendingOrder.None;
        State.PendingDecidedAt = null;
        if (pending == PendingOrder.Buy && State.Quantity <= 0)
        {
            var spend = EntrySpend();
            var price = referencePrice * _buySlippage;
            intent = new OrderIntent(OrderSide.Buy, FillReason.Signal, time, price, spend / price, spend);
            return spend > 0;
        }
        if (pending == PendingOrder.Sell && State.Quantity > 0)
        {
            intent = SellAll(FillReason.Signal, time, referencePrice * _sellSlippage);
            return true;
        }
        intent = default;
        return false;
    }

    /// <summary>
    /// Steps 1–2 for a candle: the stop (gap through it fills at the open), then the next partial take-profit or the
    /// take-profit. Call repeatedly, applying each fill, until it returns false.
    /// </summary>
    public bool TryExitWithinCandle(in Candle candle, out OrderIntent intent)
    {
        var state = State;
        if (state.Quantity <= 0)
        {
            intent = default;
            return false;
        }

        var entry = state.EntryPrice;
        var stop = StopLevel(entry, state.MaxPriceSinceEntry, out var stopReason);
        if (stop > 0)
        {
            if (candle.Open <= stop)
            {
                intent = SellAll(stopReason, candle.OpenTime, candle.Open * _sellSlippage);
                return true;
            }
            if (candle.Low <= stop)
            {
                intent = SellAll(stopReason, candle.OpenTime, stop * _sellSlippage);
                return true;
            }
        }

        var filled = state.PartialTakeProfitsFilled;
        for (var i = 0; i < _partialFactors.Length; i++)
        {
            if ((filled & (1 << i)) != 0) continue;
            var level = entry * _partialFactors[i];
            if (candle.High < level)
            {
                intent = default;
                return false;
            }
            intent = SellPartial(i, candle.OpenTime, Math.Max(candle.Open, level));
            return true;
        }

        if (_hasTakeProfit)
        {
            var level = entry * _takeProfitFactor;
            if (candle.High >= level)
            {
                intent = SellAll(FillReason.TakeProfit, candle.OpenTime, Math.Max(candle.Open, level));
                return true;
            }
        }
        intent = default;
        return false;
    }

    /// <summary>Step 3: exit the rest at the close once (close time − entry time) reaches max_trade_duration_hours.</summary>
    public bool TryExitOnDuration(in Candle candle, out OrderIntent intent)
    {
        var closeTicks = candle.OpenTime.Ticks + _timeframeTicks;
        if (_hasMaxDuration && State.Quantity > 0 && State.EntryTime is { } entryTime
            && closeTicks - entryTime.Ticks >= _maxDurationTicks)
        {
            intent = SellAll(FillReason.MaxDuration, new DateTime(closeTicks, DateTimeKind.Utc), candle.Close * _sellSlippage);
            return true;
        }
        intent = default;
        return false;
    }

    /// <summary>
    /// Steps 4–5 at the close of a candle: raise M with its high, then schedule the order the signal asks for,
    /// subject to the daily limits of the UTC day in which it would fill (the next candle's open).
    /// </summary>
    public CandleDecision OnCandleClosed(in Candle candle, Signal signal)
    {
        var state = State;
        if (state.Quantity > 0)
        {
            if (candle.High > state.MaxPriceSinceEntry) state.MaxPriceSinceEntry = candle.High;
            if (signal != Signal.Exit) return CandleDecision.None;
            state.PendingOrder = PendingOrder.Sell;
            state.PendingDecidedAt = candle.OpenTime.AddTicks(_timeframeTicks);
            return CandleDecision.ExitScheduled;
        }
        if (signal != Signal.Enter) return CandleDecision.None;

        var fillTicks = candle.OpenTime.Ticks + _timeframeTicks;
        var blocked = EntryBlockedByDailyLimits(fillTicks);
        if (blocked != CandleDecision.None) return blocked;
        if (!(EntrySpend() > 0)) return CandleDecision.EntrySkippedZeroSize;
        state.PendingOrder = PendingOrder.Buy;
        state.PendingDecidedAt = new DateTime(fillTicks, DateTimeKind.Utc);
        return CandleDecision.EntryScheduled;
    }

    /// <summary>
    /// Live runtime, between candles: checks the stop, the take-profit levels and the maximum duration against the
    /// last traded price. Stops and the duration exit are market orders (slippage applies); take-profit levels are
    /// reported at the observed price. Call repeatedly, applying each fill, until it returns false.
    /// </summary>
    public bool TryExitAtPrice(DateTime time, double price, out OrderIntent intent)
    {
        var state = State;
        if (state.Quantity > 0)
        {
            var entry = state.EntryPrice;
            var stop = StopLevel(entry, state.MaxPriceSinceEntry, out var stopReason);
            if (stop > 0 && price <= stop)
            {
                intent = SellAll(stopReason, time, price * _sellSlippage);
                return true;
            }
            var filled = state.PartialTakeProfitsFilled;
            for (var i = 0; i < _partialFactors.Length; i++)
            {
                if ((filled & (1 << i)) != 0) continue;
                if (price < entry * _partialFactors[i]) break;
                intent = SellPartial(i, time, price);
                return true;
            }
            var allPartialsDone = filled == (1 << _partialFactors.Length) - 1;
            if (_hasTakeProfit && allPartialsDone && price >= entry * _takeProfitFactor)
            {
                intent = SellAll(FillReason.TakeProfit, time, price);
                return true;
            }
            if (_hasMaxDuration && state.EntryTime is { } entryTime && time.Ticks - entryTime.Ticks >= _maxDurationTicks)
            {
                intent = SellAll(FillReason.MaxDuration, time, price * _sellSlippage);
                return true;
            }
        }
        intent = default;
        return false;
    }

    /// <summary>At the end of the data: close what is left at the last close (no slippage); drop a pending order.</summary>
    public bool TryExitEndOfData(in Candle last, out OrderIntent intent)
    {
        State.PendingOrder = PendingOrder.None;
        State.PendingDecidedAt = null;
        if (State.Quantity > 0)
        {
            intent = SellAll(FillReason.EndOfData, last.OpenTime.AddTicks(_timeframeTicks), last.Close);
            return true;
        }
        intent = default;
        return false;
    }

    /// <summary>
    /// Books an executed fill into <see cref="State"/>: cash, position, fees, daily counters. Returns the realized
    /// PnL of a sell, q·(P − E) − fee − entry fee·q/entry quantity, or NaN for a buy.
    /// </summary>
    public double ApplyFill(in OrderIntent intent, in Fill fill)
    {
        var state = State;
        var day = (int)(fill.Time.Ticks / TimeSpan.TicksPerDay);
        if (state.DailyDate is not { } date || date.DayNumber != day)
        {
            state.DailyDate = DateOnly.FromDayNumber(day);
            state.DailyRealizedPnl = 0;
            state.DailyTradeCount = 0;
        }
        state.DailyTradeCount++;
        state.TradeCount++;
        state.FeesPaid += fill.Fee;

        if (intent.Side == OrderSide.Buy)
        {
            state.Cash -= fill.QuoteQuantity + fill.Fee;
            state.Quantity = fill.Quantity;
            state.EntryPrice = fill.Price;
            state.EntryTime = fill.Time;
            state.EntryQuantity = fill.Quantity;
            state.EntryFee = fill.Fee;
            state.MaxPriceSinceEntry = fill.Price;
            state.PartialTakeProfitsFilled = 0;
            return double.NaN;
        }

        var quantity = fill.Quantity;
        var pnl = quantity * (fill.Price - state.EntryPrice) - fill.Fee - state.EntryFee * quantity / state.EntryQuantity;
        state.Cash += fill.QuoteQuantity - fill.Fee;
        state.RealizedPnl += pnl;
        state.DailyRealizedPnl += pnl;
        if (intent.PartialLevel >= 0) state.PartialTakeProfitsFilled |= 1 << intent.PartialLevel;

        var rest = state.Quantity - quantity;
        if (rest <= state.EntryQuantity * DustFraction)
        {
            state.ClearPosition();
        }
        else
        {
            state.Quantity = rest;
        }
        return pnl;
    }

    /// <summary>Equity at a price: cash + position quantity × price.</summary>
    public double Equity(double price) => State.Cash + State.Quantity * price;

    /// <summary>The stop in force for the open position (the higher of stop-loss and trailing stop), or null.</summary>
    public double? CurrentStopPrice
    {
        get
        {
            if (State.Quantity <= 0) return null;
            var stop = StopLevel(State.EntryPrice, State.MaxPriceSinceEntry, out _);
            return stop > 0 ? stop : null;
        }
    }

    public double? StopLossPrice => State.Quantity > 0 && _hasFixedStop ? State.EntryPrice * _stopLossFactor : null;

    public double? TrailingStopPrice => State.Quantity > 0 && _hasTrailingStop ? State.MaxPriceSinceEntry * _trailingFactor : null;

    public double? TakeProfitPrice => State.Quantity > 0 && _hasTakeProfit ? State.EntryPrice * _takeProfitFactor : null;

    /// <summary>The quote amount an entry would spend now: fixed, else a share of cash, capped at cash/(1+fee_rate).</summary>
    public double EntrySpend()
    {
        var cash = State.Cash;
        if (cash <= 0) return 0;
        var spend = _hasFixedSize ? _positionSizeFixed : cash * _positionSizeFraction;
        var cap = cash / (1 + _feeRate);
        return spend < cap ? spend : cap;
    }

    private CandleDecision EntryBlockedByDailyLimits(long fillTicks)
    {
        if (!_hasDailyTarget && !_hasDailyLoss) return CandleDecision.None;
        var day = (int)(fillTicks / TimeSpan.TicksPerDay);
        var pnl = State.DailyDate is { } date && date.DayNumber == day ? State.DailyRealizedPnl : 0;
        if (_hasDailyTarget && pnl >= _dailyTarget) return CandleDecision.EntryBlockedDailyTarget;
        if (_hasDailyLoss && pnl <= _dailyLossLimit) return CandleDecision.EntryBlockedDailyLoss;
        return CandleDecision.None;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double StopLevel(double entry, double max, out FillReason reason)
    {
        var fixedStop = _hasFixedStop ? entry * _stopLossFactor : 0;
        var trailing = _hasTrailingStop ? max * _trailingFactor : 0;
        if (trailing > fixedStop)
        {
            reason = FillReason.TrailingStop;
            return trailing;
        }
        reason = FillReason.StopLoss;
        return fixedStop;
    }

    private OrderIntent SellAll(FillReason reason, DateTime time, double price) =>
        new(OrderSide.Sell, reason, time, price, State.Quantity, State.Quantity * price);

    private OrderIntent SellPartial(int level, DateTime time, double price)
    {
        var state = State;
        var quantity = Math.Min(_partialRatios[level] * state.EntryQuantity, state.Quantity);
        if (state.Quantity - quantity <= state.EntryQuantity * DustFraction) quantity = state.Quantity;
        return new OrderIntent(OrderSide.Sell, FillReason.PartialTakeProfit, time, price, quantity, quantity * price, level);
    }
}

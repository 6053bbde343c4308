using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
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

    /// <summary>A closed candle and the strategy's <paramref name="signal"/> for it: fill model steps 0–5.</summary>
    public EngineStep CandleStep(in Candle candle, Signal signal) =>
        new(in candle, candle.OpenTime.Ticks + _timeframeTicks, signal, isCandle: true, forceExit: false);

    /// <summary>
    /// A price seen between candle closes (the live runtime's ticks, or the ticks given to the backtester): the
    /// pending order fills at it, then an owner's force exit, then steps 1–3 with the price as a flat candle. A tick
    /// exactly at a candle's open therefore changes nothing the candle itself would not do.
    /// </summary>
    public EngineStep PriceStep(DateTime time, double price, bool forceExit = false) =>
        new(new Candle(time, price, price, price, price, 0), time.Ticks, Signal.None, isCandle: false, forceExit);

    /// <summary>
    /// The one step order of the fill model: hands out the next intent of <paramref name="step"/>, or returns false
    /// when the step is done (for a candle, <see cref="EngineStep.Decision"/> then holds what its close decided).
    /// The caller executes each intent and books its fill (<see cref="ApplyFill"/>) before asking for the next.
    /// Stops and take-profits repeat while each exit fills, at most once per partial level plus one final exit;
    /// an exit that did not fill (an exchange refused it) is not handed out again in the same step.
    /// </summary>
    public bool TryNextIntent(ref EngineStep step, out OrderIntent intent)
    {
        // One dispatch per call, then straight on through the steps.
        switch (step.Phase)
        {
            case EngineStepPhase.PendingOrder:
                step.Phase = EngineStepPhase.ForceExit;
                if (State.PendingOrder != PendingOrder.None && TryTakePendingOrder(step.Bar.OpenTime, step.Bar.Open, out intent))
                    return true;
                goto case EngineStepPhase.ForceExit;
            case EngineStepPhase.ForceExit:
                step.Phase = EngineStepPhase.Exits;
                if (step.ForceExit && State.Quantity > 0)
                {
                    intent = SellAll(FillReason.Manual, step.Bar.OpenTime, step.Bar.Close);
                    return true;
                }
                goto case EngineStepPhase.Exits;
            case EngineStepPhase.Exits:
                if (State.Quantity > 0 && step.ExitsHandedOut <= _partialFactors.Length
                    && (step.ExitsHandedOut == 0 || State.TradeCount != step.TradeCountAtLastExit)
                    && TryExitWithinCandle(in step.Bar, out intent))
                {
                    step.ExitsHandedOut++;
                    step.TradeCountAtLastExit = State.TradeCount;
                    return true;
                }
                goto case EngineStepPhase.MaxDuration;
            case EngineStepPhase.MaxDuration:
                step.Phase = step.IsCandle ? EngineStepPhase.Close : EngineStepPhase.Done;
                if (_hasMaxDuration && TryExitOnDuration(step.DurationCheckTicks, step.Bar.Close, out intent))
                    return true;
                if (!step.IsCandle) break;
                goto case EngineStepPhase.Close;
            case EngineStepPhase.Close:
                step.Phase = EngineStepPhase.Done;
                step.Decision = OnCandleClosed(in step.Bar, step.Signal);
                break;
        }
        intent = default;
        return false;
    }

    /// <summary>
    /// False when steps 1–3 certainly hand out nothing on <paramref name="bar"/>: flat, or a position whose stop lies
    /// below the bar's open and low, whose next take-profit level lies above its high, and whose maximum duration is
    /// not reached at <paramref name="durationCheckTicks"/>. The levels are the ones <see cref="TryExitWithinCandle"/>
    /// works with, each computed once and compared against the bar; anything uncertain (a NaN price) says true.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool MayExitWithin(in Candle bar, long durationCheckTicks)
    {
        var state = State;
        if (!(state.Quantity > 0)) return false;
        var entry = state.EntryPrice;
        var stop = StopLevel(entry, state.MaxPriceSinceEntry, out _);
        if (stop > 0 && !(bar.Open > stop && bar.Low > stop)) return true;
        var next = BitOperations.TrailingZeroCount(~state.PartialTakeProfitsFilled);
        var level = next < _partialFactors.Length ? entry * _partialFactors[next]
            : _hasTakeProfit ? entry * _takeProfitFactor : double.PositiveInfinity;
        if (!(bar.High < level)) return true;
        return _hasMaxDuration && state.EntryTime is { } entryTime && durationCheckTicks - entryTime.Ticks >= _maxDurationTicks;
    }

    /// <summary>Runs a closed candle (steps 0–5) through a synchronous driver: the backtester.</summary>
    public CandleDecision OnCandle<TDriver>(in Candle candle, Signal signal, ref TDriver driver) where TDriver : IFillDriver
    {
        var closeTicks = candle.OpenTime.Ticks + _timeframeTicks;
        if (State.PendingOrder == PendingOrder.None && !MayExitWithin(in candle, closeTicks))
        {
            // Nothing pending and no level or deadline within reach: steps 0-3 of the walk hand out nothing, so this is
            // what TryNextIntent does with the step, without building one. Most backtest candles end here, in a
            // position too; EngineStepTests hold this path and the walk equal.
            var decision = OnCandleClosed(in candle, signal);
            driver.Notice(new DateTime(closeTicks, DateTimeKind.Utc), in candle, signal, decision);
            return decision;
        }
        var step = CandleStep(in candle, signal);
        while (TryNextIntent(ref step, out var intent))
            Execute(in intent, ref driver);
        driver.Notice(new DateTime(step.DurationCheckTicks, DateTimeKind.Utc), in step.Bar, signal, step.Decision);
        return step.Decision;
    }

    /// <summary>Runs a price seen between candle closes (see <see cref="PriceStep"/>) through a synchronous driver.</summary>
    public void OnPrice<TDriver>(DateTime time, double price, ref TDriver driver) where TDriver : IFillDriver
    {
        var step = PriceStep(time, price);
        while (TryNextIntent(ref step, out var intent))
            Execute(in intent, ref driver);
    }

    /// <summary>
    /// Runs a step through an asynchronous driver: the live runtime. Returns false when the driver ended it early
    /// (no notice is given then: the candle was not finished).
    /// </summary>
    public async ValueTask<bool> RunAsync<TDriver>(EngineStep step, TDriver driver, CancellationToken cancellationToken) where TDriver : IAsyncFillDriver
    {
        while (TryNextIntent(ref step, out var intent))
        {
            if (!await driver.ExecuteAsync(intent, cancellationToken)) return false;
        }
        if (step.IsCandle)
            driver.Notice(new DateTime(step.DurationCheckTicks, DateTimeKind.Utc), step.Bar, step.Signal, step.Decision);
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Execute<TDriver>(in OrderIntent intent, ref TDriver driver) where TDriver : IFillDriver
    {
        var fill = driver.Execute(in intent);
        var pnl = ApplyFill(in intent, in fill);
        driver.Filled(in intent, in fill, pnl);
    }

    /// <summary>
    /// Puts back the order decided at a close when its intent did not execute (the exchange was unreachable or the
    /// order never reached the book), so it goes out at the next opportunity. Other intents are decided afresh.
    /// </summary>
    public void PutBackPendingOrder(in OrderIntent intent)
    {
        if (intent.Reason == FillReason.Signal)
            State.PendingOrder = intent.Side == OrderSide.Buy ? PendingOrder.Buy : PendingOrder.Sell;
    }

    /// <summary>
    /// Step 0: turns the order decided at the previous close into a market intent at <paramref name="referencePrice"/>
    /// (open[t] in a backtest, the current price live), worsened by the slippage. Clears the pending order.
    /// </summary>
    private bool TryTakePendingOrder(DateTime time, double referencePrice, out OrderIntent intent)
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
    /// take-profit. Called again after each fill.
    /// </summary>
    private bool TryExitWithinCandle(in Candle candle, out OrderIntent intent)
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

    /// <summary>
    /// Step 3: exit the rest at <paramref name="price"/> less slippage once (<paramref name="atTicks"/> − entry time)
    /// reaches max_trade_duration_hours: a candle's close and its close time, or a price and its time.
    /// </summary>
    private bool TryExitOnDuration(long atTicks, double price, out OrderIntent intent)
    {
        if (_hasMaxDuration && State.Quantity > 0 && State.EntryTime is { } entryTime && atTicks - entryTime.Ticks >= _maxDurationTicks)
        {
            intent = SellAll(FillReason.MaxDuration, new DateTime(atTicks, DateTimeKind.Utc), price * _sellSlippage);
            return true;
        }
        intent = default;
        return false;
    }

    /// <summary>
    /// Steps 4–5 at the close of a candle: raise M with its high, then schedule the order the signal asks for,
    /// subject to the daily limits of the UTC day in which it would fill (the next candle's open).
    /// </summary>
    private CandleDecision OnCandleClosed(in Candle candle, Signal signal)
    {
        var state = State;
        if (state.Quantity > 0)
        {
            state.MaxPriceSinceEntry = HigherOf(candle.High, state.MaxPriceSinceEntry);
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

    /// <summary>
    /// <paramref name="candidate"/> when it is greater, else <paramref name="current"/> (NaN keeps current), without a
    /// branch: whether a candle makes a new high is a coin toss the branch predictor loses.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double HigherOf(double candidate, double current) => Sse2.IsSupported
        ? Sse2.MaxScalar(Vector128.CreateScalarUnsafe(candidate), Vector128.CreateScalarUnsafe(current)).ToScalar()
        : candidate > current ? candidate : current;

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

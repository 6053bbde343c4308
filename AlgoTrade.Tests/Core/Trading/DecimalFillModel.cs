using AlgoTrade.Core.Strategies;
using AlgoTrade.Core.Trading;

namespace AlgoTrade.Tests.Core.Trading;

/// <summary>
/// The fill model of docs/backtesting.md written a second time, from the documentation and in decimal, as plainly as
/// possible: the reference that <see cref="DecimalReferenceTests"/> holds the double <see cref="RiskEngine"/> to.
/// </summary>
internal sealed class DecimalFillModel
{
    private readonly RiskSettings _s;
    private readonly TimeSpan _timeframe;
    private readonly PartialTakeProfit[] _partials;
    private readonly decimal _slippage;
    private readonly List<DecimalFill> _fills = [];

    private decimal _cash;
    private decimal _quantity;
    private decimal _entryPrice;
    private DateTime _entryTime;
    private decimal _entryQuantity;
    private decimal _entryFee;
    private decimal _maxSinceEntry;
    private bool[] _partialDone = [];
    private Signal _pending = Signal.None;
    private int _blockedByTarget;
    private int _blockedByLoss;

    private DecimalFillModel(RiskSettings settings, TimeSpan timeframe)
    {
        _s = settings;
        _timeframe = timeframe;
        _partials = settings.PartialTakeProfits.OrderBy(p => p.Percentage).ToArray();
        _slippage = settings.SlippageBps / 10_000m;
        _cash = settings.InitialCapital;
    }

    public static DecimalRunResult Run(RiskSettings settings, TimeSpan timeframe, IReadOnlyList<DecimalCandle> candles, IReadOnlyList<Signal> signals)
    {
        var model = new DecimalFillModel(settings, timeframe);
        for (var t = 0; t < candles.Count; t++)
            model.OnCandle(candles[t], signals[t]);

        var last = candles[^1];
        if (model._quantity > 0)
            model.Sell(FillReason.EndOfData, last.OpenTime + timeframe, last.Close, model._quantity);
        return new DecimalRunResult(model._fills, model._cash + model._quantity * last.Close, model._blockedByTarget, model._blockedByLoss);
    }

    private bool InPosition => _quantity > 0;

    private void OnCandle(DecimalCandle c, Signal signal)
    {
        var closeTime = c.OpenTime + _timeframe;

        // Step 0: the order decided at the previous close, at the open with slippage.
        if (_pending == Signal.Enter && !InPosition)
            Buy(c.OpenTime, c.Open * (1 + _slippage));
        else if (_pending == Signal.Exit && InPosition)
            Sell(FillReason.Signal, c.OpenTime, c.Open * (1 - _slippage), _quantity);
        _pending = Signal.None;

        // Step 1: the stop, gapping through the open or touched by the low; before any take-profit.
        if (InPosition && StopLevel() is var (stop, reason))
        {
            if (c.Open <= stop)
                Sell(reason, c.OpenTime, c.Open * (1 - _slippage), _quantity);
            else if (c.Low <= stop)
                Sell(reason, c.OpenTime, stop * (1 - _slippage), _quantity);
        }

        // Step 2: partial levels in ascending percentage, each once, then the take-profit; no slippage.
        for (var i = 0; i < _partials.Length && InPosition; i++)
        {
            if (_partialDone[i]) continue;
            var level = _entryPrice * (1 + _partials[i].Percentage / 100);
            if (LevelPrice(c, level) is { } price)
            {
                _partialDone[i] = true;
                Sell(FillReason.PartialTakeProfit, c.OpenTime, price, Math.Min(_partials[i].Ratio * _entryQuantity, _quantity));
            }
        }
        if (InPosition && _s.TakeProfitPerc is { } tp && LevelPrice(c, _entryPrice * (1 + tp / 100)) is { } tpPrice)
            Sell(FillReason.TakeProfit, c.OpenTime, tpPrice, _quantity);

        // Step 3: maximum duration, at the close with slippage.
        if (InPosition && _s.MaxTradeDurationHours is { } hours && closeTime - _entryTime >= TimeSpan.FromHours(hours))
            Sell(FillReason.MaxDuration, closeTime, c.Close * (1 - _slippage), _quantity);

        // Step 4.
        if (InPosition) _maxSinceEntry = Math.Max(_maxSinceEntry, c.High);

        // Step 5.
        if (InPosition && signal == Signal.Exit)
            _pending = Signal.Exit;
        else if (!InPosition && signal == Signal.Enter && !BlockedByDailyLimits(closeTime) && Spend() > 0)
            _pending = Signal.Enter;
    }

    private (decimal Stop, FillReason Reason)? StopLevel()
    {
        decimal? fixedStop = _s.StopLossPerc is { } sl ? _entryPrice * (1 - sl / 100) : null;
        decimal? trailing = _s.TrailingStopActive && _s.TrailingStopPerc is { } tr ? _maxSinceEntry * (1 - tr / 100) : null;
        if (trailing is { } t && (fixedStop is not { } f || t > f)) return (t, FillReason.TrailingStop);
        if (fixedStop is { } only) return (only, FillReason.StopLoss);
        return null;
    }

    private static decimal? LevelPrice(DecimalCandle c, decimal level)
    {
        if (c.Open >= level) return c.Open;
        if (c.High >= level) return level;
        return null;
    }

    private bool BlockedByDailyLimits(DateTime entryFillTime)
    {
        var day = entryFillTime.Date;
        var pnl = _fills.Where(f => f.RealizedPnl is not null && f.Time.Date == day).Sum(f => f.RealizedPnl!.Value);
        if (_s.DailyTargetPerc is { } target && pnl >= target / 100 * _s.InitialCapital)
        {
            _blockedByTarget++;
            return true;
        }
        if (_s.MaxDailyLossPerc is { } loss && pnl <= -(loss / 100 * _s.InitialCapital))
        {
            _blockedByLoss++;
            return true;
        }
        return false;
    }

    private decimal Spend()
    {
        if (_cash <= 0) return 0;
        var wanted = _s.PositionSizeFixed ?? _cash * _s.PositionSizePerc!.Value / 100;
        return Math.Min(wanted, _cash / (1 + _s.FeeRate));
    }

    private void Buy(DateTime time, decimal price)
    {
        var spend = Spend();
        if (spend <= 0) return;
        var fee = spend * _s.FeeRate;
        _cash -= spend + fee;
        _quantity = spend / price;
        _entryPrice = price;
        _entryTime = time;
        _entryQuantity = _quantity;
        _entryFee = fee;
        _maxSinceEntry = price;
        _partialDone = new bool[_partials.Length];
        _fills.Add(new DecimalFill(time, OrderSide.Buy, FillReason.Signal, price, _quantity, fee, null));
    }

    private void Sell(FillReason reason, DateTime time, decimal price, decimal quantity)
    {
        var notional = quantity * price;
        var fee = notional * _s.FeeRate;
        var pnl = quantity * (price - _entryPrice) - fee - _entryFee * quantity / _entryQuantity;
        _cash += notional - fee;
        _quantity -= quantity;
        _fills.Add(new DecimalFill(time, OrderSide.Sell, reason, price, quantity, fee, pnl));
    }
}

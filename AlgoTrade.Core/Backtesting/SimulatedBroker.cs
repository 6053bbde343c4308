using System.Runtime.CompilerServices;
using AlgoTrade.Core.Market;
using AlgoTrade.Core.Strategies;
using AlgoTrade.Core.Trading;

namespace AlgoTrade.Core.Backtesting;

/// <summary>
/// The backtester's broker: fills every intent exactly at its intended price and quantity, charges
/// fee_rate × notional, and records fills, round trips and notices.
/// </summary>
public struct SimulatedBroker : IFillDriver
{
    private const int MaxLogLines = 1000;

    private readonly double _feeRate;
    private readonly PositionState _state;
    private DateTime _entryTime;
    private double _entryCost;
    private double _pnl;

    public SimulatedBroker(double feeRate, PositionState state)
    {
        _feeRate = feeRate;
        _state = state;
    }

    public List<BacktestTrade> Trades { get; } = new(256);
    public List<RoundTrip> RoundTrips { get; } = new(128);
    public List<string> Log { get; } = [];

    public readonly Fill Execute(in OrderIntent intent)
    {
        if (intent.Side == OrderSide.Buy)
            return new Fill(intent.Time, intent.Price, intent.Quantity, intent.QuoteAmount, intent.QuoteAmount * _feeRate);
        var quote = intent.Quantity * intent.Price;
        return new Fill(intent.Time, intent.Price, intent.Quantity, quote, quote * _feeRate);
    }

    public void Filled(in OrderIntent intent, in Fill fill, double realizedPnl)
    {
        var isBuy = intent.Side == OrderSide.Buy;
        Trades.Add(new BacktestTrade(fill.Time, intent.Side, fill.Price, fill.Quantity, fill.QuoteQuantity, fill.Fee,
            isBuy ? null : realizedPnl, intent.Reason));
        if (isBuy)
        {
            _entryTime = fill.Time;
            _entryCost = fill.QuoteQuantity + fill.Fee;
            _pnl = 0;
            return;
        }
        _pnl += realizedPnl;
        if (_state.Quantity <= 0)
            RoundTrips.Add(new RoundTrip(_entryTime, fill.Time, _entryCost, _pnl));
    }

    /// <summary>Only entries that were skipped or blocked are worth a log line in a backtest.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly void Notice(DateTime closeTime, in Candle candle, Signal signal, CandleDecision decision)
    {
        if (decision >= CandleDecision.EntrySkippedZeroSize) LogNotice(closeTime, decision);
    }

    private readonly void LogNotice(DateTime closeTime, CandleDecision decision)
    {
        if (Log.Count >= MaxLogLines) return;
        var text = decision switch
        {
            CandleDecision.EntrySkippedZeroSize => "entry skipped: position size is zero (no cash left)",
            CandleDecision.EntryBlockedDailyTarget => "entry blocked: daily target reached",
            CandleDecision.EntryBlockedDailyLoss => "entry blocked: maximum daily loss reached",
            _ => decision.ToString(),
        };
        Log.Add($"{closeTime:yyyy-MM-dd'T'HH:mm:ss'Z'} {text}");
    }
}

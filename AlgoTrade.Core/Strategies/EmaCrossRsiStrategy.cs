using AlgoTrade.Core.Indicators;
using AlgoTrade.Core.Market;

namespace AlgoTrade.Core.Strategies;

/// <summary>
/// Enter when the fast EMA crosses above the slow EMA and RSI is below overbought; exit when it crosses below, or
/// when RSI rises above overbought. Needs both EMAs and the RSI at t−1 and t.
/// </summary>
public sealed class EmaCrossRsiStrategy : IStrategy
{
    public const string TypeName = "ema_cross_rsi";

    private readonly Ema _fast;
    private readonly Ema _slow;
    private readonly Rsi _rsi;
    private readonly double _overbought;
    private double _previousFast;
    private double _previousSlow;
    private bool _hasPrevious;

    public EmaCrossRsiStrategy(int emaFast, int emaSlow, int rsiPeriod, double rsiOverbought)
    {
        _fast = new Ema(emaFast);
        _slow = new Ema(emaSlow);
        _rsi = new Rsi(rsiPeriod);
        _overbought = rsiOverbought;
    }

    public string Type => TypeName;
    public int WarmUpPeriod => Math.Max(_slow.WarmUpPeriod, Math.Max(_fast.WarmUpPeriod, _rsi.WarmUpPeriod)) + 1;

    public Signal OnCandle(in Candle candle)
    {
        var fastReady = _fast.Update(candle.Close);
        var slowReady = _slow.Update(candle.Close);
        var rsiReady = _rsi.Update(candle.Close);
        if (!(fastReady && slowReady && rsiReady))
            return Signal.None;

        double fast = _fast.Value, slow = _slow.Value, rsi = _rsi.Value;
        var signal = Signal.None;
        if (_hasPrevious)
        {
            if (_previousFast <= _previousSlow && fast > slow && rsi < _overbought)
                signal = Signal.Enter;
            else if ((_previousFast >= _previousSlow && fast < slow) || rsi > _overbought)
                signal = Signal.Exit;
        }
        _previousFast = fast;
        _previousSlow = slow;
        _hasPrevious = true;
        return signal;
    }

    public void Reset()
    {
        _fast.Reset();
        _slow.Reset();
        _rsi.Reset();
        _hasPrevious = false;
    }
}

namespace AlgoTrade.Core.Indicators;

/// <summary>
/// Keltner channel in its modern form (not in TA-Lib): middle = EMA(emaPeriod) of the close, upper/lower =
/// middle ± multiplier·ATR(atrPeriod), with our TA-Lib-seeded EMA and Wilder ATR (TradingView's built-in smooths the
/// true range with an EMA instead). First value when both are ready: max(emaPeriod, atrPeriod + 1) candles.
/// </summary>
public sealed class KeltnerChannel : IIndicator
{
    private readonly Ema _ema;
    private readonly Atr _atr;

    public KeltnerChannel(int emaPeriod, int atrPeriod, double multiplier)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(multiplier);
        _ema = new Ema(emaPeriod);
        _atr = new Atr(atrPeriod);
        Multiplier = multiplier;
    }

    public int EmaPeriod => _ema.Period;
    public int AtrPeriod => _atr.Period;
    public double Multiplier { get; }
    public int WarmUpPeriod => Math.Max(_ema.WarmUpPeriod, _atr.WarmUpPeriod);
    public bool IsReady => _ema.IsReady && _atr.IsReady;
    public double Upper { get; private set; } = double.NaN;
    public double Middle { get; private set; } = double.NaN;
    public double Lower { get; private set; } = double.NaN;

    public bool Update(double high, double low, double close)
    {
        var emaReady = _ema.Update(close);
        if (!_atr.Update(high, low, close) || !emaReady) return false;
        Middle = _ema.Value;
        var width = Multiplier * _atr.Value;
        Upper = Middle + width;
        Lower = Middle - width;
        return true;
    }

    public void Reset()
    {
        _ema.Reset();
        _atr.Reset();
        Upper = Middle = Lower = double.NaN;
    }
}

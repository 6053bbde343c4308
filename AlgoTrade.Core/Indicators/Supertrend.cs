namespace AlgoTrade.Core.Indicators;

/// <summary>
/// Supertrend (not in TA-Lib; TradingView's ta.supertrend). Basic bands = hl2 ± multiplier·ATR(atrPeriod), hl2 =
/// (high + low)/2. The final lower band only rises — it takes the basic one if that is higher or the previous close
/// fell below the previous final lower band, else it stays — and the final upper band only falls, symmetrically.
/// A downtrend turns up when the close rises above the final upper band, an uptrend turns down when it falls below
/// the final lower band. Value is the final lower band in an uptrend and the upper band in a downtrend;
/// Direction is +1 up, −1 down (TradingView's sign is the opposite). As on TradingView the first value is a
/// downtrend at the basic upper band; the trend is tracked explicitly rather than by TradingView's comparison of
/// the previous value with the previous upper band, which misreads the trend when both bands coincide (ATR 0).
/// The ATR is ours (TA-Lib's, first value at candle atrPeriod + 1, one later than TradingView's), so the first
/// values differ from TradingView's until the ATRs converge. First value after atrPeriod + 1 candles.
/// </summary>
public sealed class Supertrend : IIndicator
{
    private readonly Atr _atr;
    private double _previousClose;
    private bool _started;

    public Supertrend(int atrPeriod, double multiplier)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(multiplier);
        _atr = new Atr(atrPeriod);
        Multiplier = multiplier;
    }

    public int AtrPeriod => _atr.Period;
    public double Multiplier { get; }
    public int WarmUpPeriod => _atr.WarmUpPeriod;
    public bool IsReady => _started;
    public double Value { get; private set; } = double.NaN;

    /// <summary>+1 in an uptrend (the line under the price), −1 in a downtrend, 0 before the first value.</summary>
    public int Direction { get; private set; }

    public double UpperBand { get; private set; } = double.NaN;
    public double LowerBand { get; private set; } = double.NaN;

    public bool Update(double high, double low, double close)
    {
        if (!_atr.Update(high, low, close))
        {
            _previousClose = close;
            return false;
        }
        var middle = (high + low) / 2;
        var width = Multiplier * _atr.Value;
        var upper = middle + width;
        var lower = middle - width;
        if (!_started)
        {
            _started = true;
            Direction = -1;
        }
        else
        {
            if (!(upper < UpperBand || _previousClose > UpperBand)) upper = UpperBand;
            if (!(lower > LowerBand || _previousClose < LowerBand)) lower = LowerBand;
            Direction = Direction < 0
                ? close > upper ? 1 : -1
                : close < lower ? -1 : 1;
        }
        UpperBand = upper;
        LowerBand = lower;
        Value = Direction > 0 ? lower : upper;
        _previousClose = close;
        return true;
    }

    public void Reset()
    {
        _atr.Reset();
        _previousClose = 0;
        _started = false;
        Direction = 0;
        Value = UpperBand = LowerBand = double.NaN;
    }
}

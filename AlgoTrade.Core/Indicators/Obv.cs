namespace AlgoTrade.Core.Indicators;

/// <summary>
/// On-balance volume (TA-Lib OBV): starts at the first candle's volume, then adds the volume of a candle that closes
/// higher than the previous one and subtracts it when lower (unchanged on an equal close). Its level depends on where
/// it started, so rules should use its direction or crosses with its own average, not a fixed number.
/// </summary>
public sealed class Obv : IIndicator
{
    private double _previousClose;

    public int WarmUpPeriod => 1;
    public bool IsReady { get; private set; }
    public double Value { get; private set; } = double.NaN;

    public bool Update(double close, double volume)
    {
        if (!IsReady)
        {
            Value = volume;
            IsReady = true;
        }
        else if (close > _previousClose) Value += volume;
        else if (close < _previousClose) Value -= volume;
        _previousClose = close;
        return true;
    }

    public void Reset()
    {
        IsReady = false;
        _previousClose = 0;
        Value = double.NaN;
    }
}

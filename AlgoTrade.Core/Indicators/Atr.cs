namespace AlgoTrade.Core.Indicators;

/// <summary>
/// Wilder's average true range, TA-Lib style: true range needs the previous close, so the first TR is at input 2;
/// the first ATR (input N+1, index N) is the mean of the first N true ranges, then atr = (atr·(N−1) + tr)/N.
/// </summary>
public sealed class Atr : IIndicator
{
    private int _count;
    private double _previousClose;
    private double _value;

    public Atr(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        Period = period;
    }

    public int Period { get; }
    public int WarmUpPeriod => Period + 1;
    public bool IsReady => _count > Period;
    public double Value => IsReady ? _value : double.NaN;

    public bool Update(double high, double low, double close)
    {
        if (_count == 0)
        {
            _previousClose = close;
            _count = 1;
            return false;
        }
        var trueRange = Math.Max(high, _previousClose) - Math.Min(low, _previousClose);
        _previousClose = close;
        if (_count > Period)
        {
            _value = (_value * (Period - 1) + trueRange) / Period;
            return true;
        }
        _value += trueRange;
        if (++_count <= Period) return false;
        _value /= Period;
        return true;
    }

    public void Reset()
    {
        _count = 0;
        _previousClose = _value = 0;
    }
}

namespace AlgoTrade.Core.Indicators;

/// <summary>
/// Exponential moving average as TA-Lib computes it: the first value (after N inputs) is the SMA of those N inputs,
/// then ema += k·(x − ema) with k = 2/(N+1).
/// </summary>
public sealed class Ema : IIndicator
{
    private readonly double _k;
    private int _count;
    private double _value = double.NaN;
    private double _seedSum;

    public Ema(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        Period = period;
        _k = 2.0 / (period + 1);
    }

    public int Period { get; }
    public int WarmUpPeriod => Period;
    public bool IsReady => _count >= Period;
    public double Value => _value;

    public bool Update(double value)
    {
        if (_count >= Period)
        {
            _value += _k * (value - _value);
            return true;
        }
        _seedSum += value;
        if (++_count < Period) return false;
        _value = _seedSum / Period;
        return true;
    }

    public void Reset()
    {
        _count = 0;
        _seedSum = 0;
        _value = double.NaN;
    }
}

namespace AlgoTrade.Core.Indicators;

/// <summary>
/// Linearly weighted moving average (TA-Lib WMA): weights 1…N from the oldest to the newest input, divided by
/// N(N+1)/2; first value after N inputs. Updated in O(1) from a running sum and weighted sum, which are recomputed
/// from the window every N inputs so that months of one-minute candles do not accumulate rounding drift.
/// </summary>
public sealed class Wma : IIndicator
{
    private readonly double[] _window;
    private readonly double _divider;
    private int _count;
    private int _next;
    private double _sum;
    private double _weightedSum;

    public Wma(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        Period = period;
        _window = new double[period];
        _divider = period * (period + 1) / 2.0;
    }

    public int Period { get; }
    public int WarmUpPeriod => Period;
    public bool IsReady => _count >= Period;
    public double Value { get; private set; } = double.NaN;

    public bool Update(double value)
    {
        if (_count < Period)
        {
            _window[_count++] = value;
            _sum += value;
            _weightedSum += value * _count;
            if (_count < Period) return false;
        }
        else
        {
            _weightedSum += Period * value - _sum;
            _sum += value - _window[_next];
            _window[_next] = value;
            if (++_next == Period)
            {
                _next = 0;
                Resynchronise();
            }
        }
        Value = _weightedSum / _divider;
        return true;
    }

    private void Resynchronise()
    {
        double sum = 0, weighted = 0;
        for (var i = 0; i < Period; i++)
        {
            sum += _window[i];
            weighted += _window[i] * (i + 1);
        }
        _sum = sum;
        _weightedSum = weighted;
    }

    public void Reset()
    {
        Array.Clear(_window);
        _count = _next = 0;
        _sum = _weightedSum = 0;
        Value = double.NaN;
    }
}

namespace AlgoTrade.Core.Indicators;

/// <summary>Simple moving average of the last N inputs; first value after N inputs.</summary>
public sealed class Sma : IIndicator
{
    private readonly double[] _window;
    private int _count;
    private int _next;
    private double _sum;

    public Sma(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        Period = period;
        _window = new double[period];
    }

    public int Period { get; }
    public int WarmUpPeriod => Period;
    public bool IsReady => _count >= Period;
    public double Value { get; private set; } = double.NaN;

    public bool Update(double value)
    {
        if (_count >= Period)
            _sum -= _window[_next];
        else
            _count++;
        _window[_next] = value;
        _sum += value;
        if (++_next == Period) _next = 0;
        if (_count < Period) return false;
        Value = _sum / Period;
        return true;
    }

    public void Reset()
    {
        Array.Clear(_window);
        _count = _next = 0;
        _sum = 0;
        Value = double.NaN;
    }
}

namespace AlgoTrade.Core.Indicators;

/// <summary>
/// Rate of change in percent (TA-Lib ROC): (x[t]/x[t−N] − 1)·100, and 0 when x[t−N] is 0 (TA-Lib); first value
/// after N+1 inputs.
/// </summary>
public sealed class Roc : IIndicator
{
    private readonly double[] _past;
    private int _count;
    private int _next;

    public Roc(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        Period = period;
        _past = new double[period];
    }

    public int Period { get; }
    public int WarmUpPeriod => Period + 1;
    public bool IsReady => _count > Period;
    public double Value { get; private set; } = double.NaN;

    public bool Update(double value)
    {
        var ready = _count >= Period;
        if (ready)
        {
            var then = _past[_next];
            Value = then != 0 ? (value / then - 1) * 100 : 0;
        }
        if (_count <= Period) _count++;
        _past[_next] = value;
        if (++_next == Period) _next = 0;
        return ready;
    }

    public void Reset()
    {
        Array.Clear(_past);
        _count = _next = 0;
        Value = double.NaN;
    }
}

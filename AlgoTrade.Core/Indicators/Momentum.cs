namespace AlgoTrade.Core.Indicators;

/// <summary>Momentum (TA-Lib MOM): x[t] − x[t−N]; first value after N+1 inputs.</summary>
public sealed class Momentum : IIndicator
{
    private readonly double[] _past;
    private int _count;
    private int _next;

    public Momentum(int period)
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
        if (ready) Value = value - _past[_next];
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

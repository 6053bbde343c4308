namespace AlgoTrade.Core.Indicators;

/// <summary>The input N updates back (x[t−N]), kept in a ring so an update allocates nothing.</summary>
internal sealed class LaggedValue
{
    private readonly double[] _past;
    private int _count;
    private int _next;

    public LaggedValue(int lag)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lag, 1);
        Lag = lag;
        _past = new double[lag];
    }

    public int Lag { get; }
    public bool IsReady => _count > Lag;

    /// <summary>Stores <paramref name="value"/>; true with the value N updates back once N earlier inputs exist.</summary>
    public bool Push(double value, out double then)
    {
        var ready = _count >= Lag;
        then = ready ? _past[_next] : double.NaN;
        if (_count <= Lag) _count++;
        _past[_next] = value;
        if (++_next == Lag) _next = 0;
        return ready;
    }

    public void Reset()
    {
        Array.Clear(_past);
        _count = _next = 0;
    }
}

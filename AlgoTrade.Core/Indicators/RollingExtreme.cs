namespace AlgoTrade.Core.Indicators;

/// <summary>
/// Highest (or lowest) of the last N inputs, current one included, in amortised O(1): a monotonic deque kept in
/// two fixed arrays, so updates never allocate. The lowest is the highest of the negated inputs (negation is exact).
/// </summary>
internal sealed class RollingExtreme
{
    private readonly double[] _values;
    private readonly long[] _positions;
    private readonly double _sign;
    private int _head;
    private int _size;
    private long _seen;

    private RollingExtreme(int period, double sign)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        Period = period;
        _sign = sign;
        _values = new double[period];
        _positions = new long[period];
    }

    public static RollingExtreme Highest(int period) => new(period, 1);
    public static RollingExtreme Lowest(int period) => new(period, -1);

    public int Period { get; }
    public bool IsReady => _seen >= Period;

    /// <summary>The extreme of the inputs seen so far within the window (of fewer than N before it is ready).</summary>
    public double Value => _size == 0 ? double.NaN : _sign * _values[_head];

    public void Add(double input)
    {
        var x = _sign * input;
        if (_size > 0 && _positions[_head] <= _seen - Period)
        {
            if (++_head == Period) _head = 0;
            _size--;
        }
        while (_size > 0)
        {
            var back = _head + _size - 1;
            if (back >= Period) back -= Period;
            if (_values[back] > x) break;
            _size--;
        }
        var slot = _head + _size;
        if (slot >= Period) slot -= Period;
        _values[slot] = x;
        _positions[slot] = _seen++;
        _size++;
    }

    public void Reset()
    {
        _head = _size = 0;
        _seen = 0;
    }
}

namespace AlgoTrade.Core.Indicators;

/// <summary>
/// Highest (or lowest) of the last N inputs, current one included, kept as TA-Lib does: remember where the extreme
/// is and rescan the window only when it falls out, so most updates are one comparison and a rescan costs N.
/// The lowest is the highest of the negated inputs (negation is exact). Never allocates after construction.
/// </summary>
internal sealed class RollingExtreme
{
    private readonly double[] _window;
    private readonly double _sign;
    private long _seen;
    private int _next;
    private long _extremePosition;
    private double _extreme;

    private RollingExtreme(int period, double sign)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        Period = period;
        _sign = sign;
        _window = new double[period];
    }

    public static RollingExtreme Highest(int period) => new(period, 1);
    public static RollingExtreme Lowest(int period) => new(period, -1);

    public int Period { get; }
    public bool IsReady => _seen >= Period;

    /// <summary>The extreme of the inputs seen so far within the window (of fewer than N before it is ready).</summary>
    public double Value => _seen == 0 ? double.NaN : _sign * _extreme;

    public void Add(double input)
    {
        var x = _sign * input;
        var position = _seen++;
        var slot = _next;
        if (++_next == Period) _next = 0;
        _window[slot] = x;
        if (position == 0 || x >= _extreme)
        {
            _extreme = x;
            _extremePosition = position;
        }
        else if (_extremePosition <= position - Period)
        {
            Rescan(position, slot);
        }
    }

    /// <summary>Newest to oldest, keeping the newest of equal values so that it stays in the window longest.</summary>
    private void Rescan(long position, int slot)
    {
        var best = _window[slot];
        var bestAge = 0;
        for (var age = 1; age < Period; age++)
        {
            var s = slot - age;
            if (s < 0) s += Period;
            if (_window[s] > best)
            {
                best = _window[s];
                bestAge = age;
            }
        }
        _extreme = best;
        _extremePosition = position - bestAge;
    }

    public void Reset()
    {
        _seen = 0;
        _next = 0;
        _extremePosition = 0;
        _extreme = 0;
    }
}

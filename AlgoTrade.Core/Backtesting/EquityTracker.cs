namespace AlgoTrade.Core.Backtesting;

/// <summary>
/// Follows equity candle by candle without storing it: running peak and max drawdown on close-to-close equity,
/// the last equity of each UTC day (for Sharpe/Sortino), exposure, and a curve downsampled to at most
/// <c>maxPoints</c> by keeping the last point of each stride.
/// </summary>
public sealed class EquityTracker
{
    private readonly int _stride;
    private readonly int _count;
    private readonly List<EquityPoint> _curve;
    private readonly List<double> _dailyEquity = [];
    private int _index;
    private int _untilPoint;
    private long _nextDayTicks = long.MinValue;
    private double _lastEquity;
    private double _peak;
    private double _trough;

    public EquityTracker(double initialEquity, int candleCount, int maxPoints = 2000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPoints, 1);
        InitialEquity = initialEquity;
        _peak = initialEquity;
        _trough = initialEquity;
        _lastEquity = initialEquity;
        _count = candleCount;
        _stride = Math.Max(1, (candleCount + maxPoints - 1) / maxPoints);
        _untilPoint = _stride;
        _curve = new List<EquityPoint>(Math.Min(candleCount, maxPoints));
    }

    public double InitialEquity { get; }
    public double MaxDrawdownPct { get; private set; }
    public int ExposedCandles { get; private set; }
    public int Candles => _index;
    public double FinalEquity => _lastEquity;
    public IReadOnlyList<EquityPoint> Curve => _curve;

    /// <summary>Equity at the last close of each UTC day seen, in order (complete after the last <see cref="Add"/>).</summary>
    public IReadOnlyList<double> DailyEquity => _index == 0 ? _dailyEquity : [.. _dailyEquity, _lastEquity];

    /// <param name="openTime">The candle's open time: its UTC day is the day the equity belongs to.</param>
    /// <param name="closeTime">Time stamped on the curve point.</param>
    /// <param name="exposed">Whether a position was held at any time during the candle.</param>
    public void Add(DateTime openTime, DateTime closeTime, double equity, bool exposed)
    {
        // Day boundary and stride are tracked with comparisons: a 64-bit division per candle costs more than the rest.
        var ticks = openTime.Ticks;
        if (ticks >= _nextDayTicks)
        {
            if (_index > 0) _dailyEquity.Add(_lastEquity);
            _nextDayTicks = (ticks / TimeSpan.TicksPerDay + 1) * TimeSpan.TicksPerDay;
        }
        _lastEquity = equity;
        // The drawdown against a peak only grows as equity falls below the lowest equity since that peak (each
        // operation of the formula is monotonic), so the division runs at new lows only, not on every candle.
        if (equity > _peak)
        {
            _peak = equity;
            _trough = equity;
        }
        else if (equity < _trough)
        {
            _trough = equity;
            var drawdown = Drawdown(equity);
            if (drawdown > MaxDrawdownPct) MaxDrawdownPct = drawdown;
        }
        if (exposed) ExposedCandles++;
        _index++;
        if (--_untilPoint == 0 || _index == _count)
        {
            _curve.Add(new EquityPoint(closeTime, equity, Drawdown(equity)));
            _untilPoint = _stride;
        }
    }

    private double Drawdown(double equity) => _peak > 0 ? (_peak - equity) / _peak * 100 : 0;
}

namespace AlgoTrade.Core.Indicators;

/// <summary>
/// Williams %R (TA-Lib WILLR): −100·(highest high − close)/(highest high − lowest low) over the last N candles,
/// current one included, from 0 (close at the high) to −100 (at the low); 0 when the range is zero (TA-Lib).
/// First value after N candles.
/// </summary>
public sealed class WilliamsR : IIndicator
{
    private readonly RollingExtreme _highest;
    private readonly RollingExtreme _lowest;

    public WilliamsR(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 2);
        Period = period;
        _highest = RollingExtreme.Highest(period);
        _lowest = RollingExtreme.Lowest(period);
    }

    public int Period { get; }
    public int WarmUpPeriod => Period;
    public bool IsReady => _highest.IsReady;
    public double Value { get; private set; } = double.NaN;

    public bool Update(double high, double low, double close)
    {
        _highest.Add(high);
        _lowest.Add(low);
        if (!_highest.IsReady) return false;
        var highest = _highest.Value;
        var range = highest - _lowest.Value;
        Value = range != 0 ? -100 * (highest - close) / range : 0;
        return true;
    }

    public void Reset()
    {
        _highest.Reset();
        _lowest.Reset();
        Value = double.NaN;
    }
}

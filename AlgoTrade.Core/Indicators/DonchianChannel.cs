namespace AlgoTrade.Core.Indicators;

/// <summary>
/// Donchian channel (not in TA-Lib; TA-Lib's MAX/MIN give the bands): upper = highest high and lower = lowest low
/// of the last N candles, the current one included (as TradingView draws it), middle = (upper + lower)/2.
/// A breakout rule therefore compares the close with the channel shifted back one candle. First value after N.
/// </summary>
public sealed class DonchianChannel : IIndicator
{
    private readonly RollingExtreme _highest;
    private readonly RollingExtreme _lowest;

    public DonchianChannel(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        _highest = RollingExtreme.Highest(period);
        _lowest = RollingExtreme.Lowest(period);
    }

    public int Period => _highest.Period;
    public int WarmUpPeriod => Period;
    public bool IsReady => _highest.IsReady;
    public double Upper { get; private set; } = double.NaN;
    public double Middle { get; private set; } = double.NaN;
    public double Lower { get; private set; } = double.NaN;

    public bool Update(double high, double low)
    {
        _highest.Add(high);
        _lowest.Add(low);
        if (!_highest.IsReady) return false;
        Upper = _highest.Value;
        Lower = _lowest.Value;
        Middle = (Upper + Lower) / 2;
        return true;
    }

    public void Reset()
    {
        _highest.Reset();
        _lowest.Reset();
        Upper = Middle = Lower = double.NaN;
    }
}

namespace AlgoTrade.Core.Indicators;

/// <summary>
/// Stochastic oscillator (TA-Lib STOCH with SMA smoothing). Raw %K = 100·(close − lowest low)/(highest high −
/// lowest low) over the last kPeriod candles, 0 when the range is zero (TA-Lib); K = SMA(slowing) of raw %K (slowing 1
/// gives the fast stochastic, TA-Lib STOCHF); D = SMA(dPeriod) of K. Both K and D are ready after
/// kPeriod + slowing + dPeriod − 2 candles, TA-Lib's lookback + 1 (K alone has a value dPeriod − 1 candles earlier).
/// </summary>
public sealed class Stochastic : IIndicator
{
    private readonly RollingExtreme _highest;
    private readonly RollingExtreme _lowest;
    private readonly Sma _k;
    private readonly Sma _d;

    public Stochastic(int kPeriod, int slowing, int dPeriod)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(kPeriod, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(slowing, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(dPeriod, 1);
        _highest = RollingExtreme.Highest(kPeriod);
        _lowest = RollingExtreme.Lowest(kPeriod);
        _k = new Sma(slowing);
        _d = new Sma(dPeriod);
    }

    public int KPeriod => _highest.Period;
    public int Slowing => _k.Period;
    public int DPeriod => _d.Period;
    public int WarmUpPeriod => KPeriod + Slowing + DPeriod - 2;
    public bool IsReady => _d.IsReady;
    public double K => _k.Value;
    public double D => _d.Value;

    /// <summary>True when K and D both have values.</summary>
    public bool Update(double high, double low, double close)
    {
        _highest.Add(high);
        _lowest.Add(low);
        if (!_highest.IsReady) return false;
        var lowest = _lowest.Value;
        var range = _highest.Value - lowest;
        var raw = range != 0 ? 100 * (close - lowest) / range : 0;
        return _k.Update(raw) && _d.Update(_k.Value);
    }

    public void Reset()
    {
        _highest.Reset();
        _lowest.Reset();
        _k.Reset();
        _d.Reset();
    }
}

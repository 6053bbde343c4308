namespace AlgoTrade.Core.Indicators;

/// <summary>
/// Rolling volume-weighted average price over the last N candles (not in TA-Lib; no session reset, crypto trades
/// around the clock): Σ(tp·volume)/Σ volume with the typical price tp = (high + low + close)/3. When the N candles
/// have no volume at all it is the plain mean of their typical prices (the limit of equal weights) rather than
/// undefined. Sums are recomputed over the window on each update: a running sum would keep the residue of a
/// huge-volume candle after it leaves the window. First value after N candles.
/// </summary>
public sealed class Vwap : IIndicator
{
    private readonly double[] _typical;
    private readonly double[] _volume;
    private int _count;
    private int _next;

    public Vwap(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        Period = period;
        _typical = new double[period];
        _volume = new double[period];
    }

    public int Period { get; }
    public int WarmUpPeriod => Period;
    public bool IsReady => _count >= Period;
    public double Value { get; private set; } = double.NaN;

    public bool Update(double high, double low, double close, double volume)
    {
        _typical[_next] = (high + low + close) / 3;
        _volume[_next] = volume;
        if (++_next == Period) _next = 0;
        if (_count < Period && ++_count < Period) return false;

        double weighted = 0, volumes = 0, typicals = 0;
        for (var i = 0; i < Period; i++)
        {
            weighted += _typical[i] * _volume[i];
            volumes += _volume[i];
            typicals += _typical[i];
        }
        Value = volumes != 0 ? weighted / volumes : typicals / Period;
        return true;
    }

    public void Reset()
    {
        Array.Clear(_typical);
        Array.Clear(_volume);
        _count = _next = 0;
        Value = double.NaN;
    }
}

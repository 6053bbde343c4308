namespace AlgoTrade.Core.Indicators;

/// <summary>
/// MACD line = EMA(fast) − EMA(slow); signal = EMA(signal) of the line, seeded with the SMA of its first values;
/// histogram = line − signal. Each EMA is seeded from its own first inputs (streaming), unlike TA-Lib's batch MACD,
/// which re-seeds the fast EMA where the slow one starts; the values converge after a few slow periods.
/// </summary>
public sealed class Macd : IIndicator
{
    private readonly Ema _fast;
    private readonly Ema _slow;
    private readonly Ema _signal;

    public Macd(int fastPeriod, int slowPeriod, int signalPeriod)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fastPeriod, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(slowPeriod, fastPeriod + 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(signalPeriod, 1);
        _fast = new Ema(fastPeriod);
        _slow = new Ema(slowPeriod);
        _signal = new Ema(signalPeriod);
    }

    public int WarmUpPeriod => _slow.Period + _signal.Period - 1;
    public bool IsReady => _signal.IsReady;
    public double Line { get; private set; } = double.NaN;
    public double Signal => _signal.Value;
    public double Histogram => Line - Signal;

    /// <summary>True when line, signal and histogram all have values.</summary>
    public bool Update(double value)
    {
        _fast.Update(value);
        if (!_slow.Update(value)) return false;
        Line = _fast.Value - _slow.Value;
        return _signal.Update(Line);
    }

    public void Reset()
    {
        _fast.Reset();
        _slow.Reset();
        _signal.Reset();
        Line = double.NaN;
    }
}

namespace AlgoTrade.Core.Indicators;

/// <summary>
/// Commodity channel index (TA-Lib CCI): typical price tp = (high + low + close)/3; CCI = (tp − mean)/(0.015·md)
/// with mean and mean absolute deviation md of the last N typical prices; 0 when tp equals the mean or md is zero
/// (TA-Lib), and 0 when all N typical prices are equal even if their floating-point mean is off by an ulp, where
/// TA-Lib could report ±66.7 in a flat market. First value after N candles; O(N) per update, as md must be.
/// </summary>
public sealed class Cci : IIndicator
{
    private readonly double[] _window;
    private int _count;
    private int _next;

    public Cci(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 2);
        Period = period;
        _window = new double[period];
    }

    public int Period { get; }
    public int WarmUpPeriod => Period;
    public bool IsReady => _count >= Period;
    public double Value { get; private set; } = double.NaN;

    public bool Update(double high, double low, double close)
    {
        var typical = (high + low + close) / 3;
        _window[_next] = typical;
        if (++_next == Period) _next = 0;
        if (_count < Period && ++_count < Period) return false;

        var sum = 0.0;
        var flat = true;
        foreach (var x in _window)
        {
            sum += x;
            flat &= x == typical;
        }
        var mean = sum / Period;
        var deviations = 0.0;
        foreach (var x in _window) deviations += Math.Abs(x - mean);
        var distance = typical - mean;
        Value = flat || distance == 0 || deviations == 0 ? 0 : distance / (0.015 * (deviations / Period));
        return true;
    }

    public void Reset()
    {
        Array.Clear(_window);
        _count = _next = 0;
        Value = double.NaN;
    }
}

namespace AlgoTrade.Core.Indicators;

/// <summary>
/// Middle = SMA(N); upper/lower = middle ± k·σ with σ the population standard deviation of the same N inputs
/// (TA-Lib's BBANDS with an SMA). σ is recomputed over the window on each update: a running sum of squares loses
/// the small variance of prices in the tens of thousands to cancellation.
/// </summary>
public sealed class BollingerBands : IIndicator
{
    private readonly double[] _window;
    private readonly double _k;
    private int _count;
    private int _next;

    public BollingerBands(int period, double standardDeviations)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(standardDeviations);
        Period = period;
        _k = standardDeviations;
        _window = new double[period];
    }

    public int Period { get; }
    public int WarmUpPeriod => Period;
    public bool IsReady => _count >= Period;
    public double Middle { get; private set; } = double.NaN;
    public double Upper { get; private set; } = double.NaN;
    public double Lower { get; private set; } = double.NaN;
    public double StandardDeviation { get; private set; } = double.NaN;

    public bool Update(double value)
    {
        _window[_next] = value;
        if (++_next == Period) _next = 0;
        if (_count < Period && ++_count < Period) return false;

        var sum = 0.0;
        foreach (var x in _window) sum += x;
        var mean = sum / Period;
        var squares = 0.0;
        foreach (var x in _window) squares += (x - mean) * (x - mean);
        var sigma = Math.Sqrt(squares / Period);
        Middle = mean;
        StandardDeviation = sigma;
        Upper = mean + _k * sigma;
        Lower = mean - _k * sigma;
        return true;
    }

    public void Reset()
    {
        Array.Clear(_window);
        _count = _next = 0;
        Middle = Upper = Lower = StandardDeviation = double.NaN;
    }
}

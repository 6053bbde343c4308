namespace AlgoTrade.Core.Indicators;

/// <summary>
/// Hull moving average (Alan Hull; not in TA-Lib): WMA(2·WMA(x, ⌊N/2⌋) − WMA(x, N), ⌊√N⌋). The inner difference
/// exists from input N on, so the first value comes after N + ⌊√N⌋ − 1 inputs.
/// </summary>
public sealed class Hma : IIndicator
{
    private readonly Wma _half;
    private readonly Wma _full;
    private readonly Wma _smoothing;

    public Hma(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 2);
        Period = period;
        _half = new Wma(period / 2);
        _full = new Wma(period);
        _smoothing = new Wma((int)Math.Sqrt(period));
    }

    public int Period { get; }
    public int WarmUpPeriod => Period + _smoothing.Period - 1;
    public bool IsReady => _smoothing.IsReady;
    public double Value => _smoothing.Value;

    public bool Update(double value)
    {
        _half.Update(value);
        if (!_full.Update(value)) return false;
        return _smoothing.Update(2 * _half.Value - _full.Value);
    }

    public void Reset()
    {
        _half.Reset();
        _full.Reset();
        _smoothing.Reset();
    }
}

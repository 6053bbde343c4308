namespace AlgoTrade.Core.Indicators;

/// <summary>
/// Rate of change in percent (TA-Lib ROC): (x[t]/x[t−N] − 1)·100, and 0 when x[t−N] is 0 (TA-Lib); first value
/// after N+1 inputs.
/// </summary>
public sealed class Roc : IIndicator
{
    private readonly LaggedValue _lagged;

    public Roc(int period) => _lagged = new LaggedValue(period);

    public int Period => _lagged.Lag;
    public int WarmUpPeriod => Period + 1;
    public bool IsReady => _lagged.IsReady;
    public double Value { get; private set; } = double.NaN;

    public bool Update(double value)
    {
        if (!_lagged.Push(value, out var then)) return false;
        Value = then != 0 ? (value / then - 1) * 100 : 0;
        return true;
    }

    public void Reset()
    {
        _lagged.Reset();
        Value = double.NaN;
    }
}

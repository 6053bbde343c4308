namespace AlgoTrade.Core.Indicators;

/// <summary>Momentum (TA-Lib MOM): x[t] − x[t−N]; first value after N+1 inputs.</summary>
public sealed class Momentum : IIndicator
{
    private readonly LaggedValue _lagged;

    public Momentum(int period) => _lagged = new LaggedValue(period);

    public int Period => _lagged.Lag;
    public int WarmUpPeriod => Period + 1;
    public bool IsReady => _lagged.IsReady;
    public double Value { get; private set; } = double.NaN;

    public bool Update(double value)
    {
        if (!_lagged.Push(value, out var then)) return false;
        Value = value - then;
        return true;
    }

    public void Reset()
    {
        _lagged.Reset();
        Value = double.NaN;
    }
}

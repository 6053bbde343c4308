namespace AlgoTrade.Core.Indicators;

/// <summary>
/// Wilder's RSI with TA-Lib's seeding: the averages of the first N gains and losses give the first value at input
/// N+1 (index N); then avg = (avg·(N−1) + x)/N. RSI = 100·gain/(gain+loss), 0 when both are zero (TA-Lib).
/// </summary>
public sealed class Rsi : IIndicator
{
    private int _count;
    private double _previous;
    private double _avgGain;
    private double _avgLoss;

    public Rsi(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        Period = period;
    }

    public int Period { get; }
    public int WarmUpPeriod => Period + 1;
    public bool IsReady => _count > Period;
    public double Value { get; private set; } = double.NaN;

    public bool Update(double value)
    {
        if (_count == 0)
        {
            _previous = value;
            _count = 1;
            return false;
        }
        var change = value - _previous;
        _previous = value;
        var gain = change > 0 ? change : 0;
        var loss = change < 0 ? -change : 0;
        if (_count > Period)
        {
            _avgGain = (_avgGain * (Period - 1) + gain) / Period;
            _avgLoss = (_avgLoss * (Period - 1) + loss) / Period;
        }
        else
        {
            _avgGain += gain;
            _avgLoss += loss;
            if (++_count <= Period) return false;
            _avgGain /= Period;
            _avgLoss /= Period;
        }
        var total = _avgGain + _avgLoss;
        Value = total == 0 ? 0 : 100 * _avgGain / total;
        return true;
    }

    public void Reset()
    {
        _count = 0;
        _previous = _avgGain = _avgLoss = 0;
        Value = double.NaN;
    }
}

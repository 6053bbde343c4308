using System.Runtime.Intrinsics;

namespace AlgoTrade.Core.Indicators;

/// <summary>
/// Wilder's RSI with TA-Lib's seeding: the averages of the first N gains and losses give the first value at input
/// N+1 (index N); then avg = (avg·(N−1) + x)/N. RSI = 100·gain/(gain+loss), 0 when both are zero (TA-Lib).
/// The gain and loss averages travel as one two-lane vector: one division updates both (a lane rounds exactly like
/// a scalar division, so the values are the same bits), and no branch depends on the sign of the change.
/// </summary>
public sealed class Rsi : IIndicator
{
    private readonly Vector128<double> _periods;
    private readonly Vector128<double> _periodsLessOne;
    private int _count;
    private double _previous;
    private Vector128<double> _averages;   // gain, loss

    public Rsi(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        Period = period;
        _periods = Vector128.Create((double)period);
        _periodsLessOne = Vector128.Create((double)(period - 1));
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
        // (gain, loss) = (change if > 0 else 0, −change if < 0 else 0): the sign of a price change is a coin toss,
        // and a mispredicted branch costs more than the rest of the update.
        var signed = Vector128.Create(change, -change);
        var moves = signed & Vector128.GreaterThan(signed, Vector128<double>.Zero);
        Vector128<double> averages;
        if (_count > Period)
        {
            _averages = averages = (_averages * _periodsLessOne + moves) / _periods;
        }
        else
        {
            _averages = averages = _averages + moves;
            if (++_count <= Period) return false;
            _averages = averages /= _periods;
        }
        var gain = averages.GetElement(0);
        var total = gain + averages.GetElement(1);
        Value = total == 0 ? 0 : 100 * gain / total;
        return true;
    }

    public void Reset()
    {
        _count = 0;
        _previous = 0;
        _averages = Vector128<double>.Zero;
        Value = double.NaN;
    }
}

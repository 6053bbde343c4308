using System.Runtime.Intrinsics;

namespace AlgoTrade.Core.Indicators;

/// <summary>
/// Wilder's directional movement system as TA-Lib computes ADX, PLUS_DI and MINUS_DI. Per candle from the second:
/// up = high − previous high, down = previous low − low; +DM = up if up &gt; down and up &gt; 0, −DM = down if
/// down &gt; up and down &gt; 0, else 0; TR is the true range. TA-Lib's seed: +DM, −DM and TR are summed over
/// candles 2…N, and from candle N+1 on each sum s becomes s − s/N + x (Wilder's smoothing of sums, not averages).
/// ±DI = 100·(±DM sum)/(TR sum), 0 while the TR sum is zero; DX = 100·|+DI − −DI|/(+DI + −DI). The first ADX, at
/// candle 2N, is the mean of the first N DX values (DX counting as 0 where undefined); then
/// adx = (adx·(N−1) + dx)/N, left unchanged on candles whose DX is undefined (zero range or no movement).
/// The DIs have values from candle N+1, the ADX from candle 2N (WarmUpPeriod, when IsReady turns true).
/// TA-Lib tests for zero with |x| &lt; 1e-14; this tests for exactly zero, because a real coin can trade at 1e-8.
/// The three sums travel as one vector, so one division smooths them all and another gives both DIs (a lane rounds
/// exactly like a scalar division: the values are the same bits); divisions are what an update waits for.
/// </summary>
public sealed class Adx : IIndicator
{
    private readonly Vector256<double> _periods;
    private readonly double _period;
    private readonly double _periodLessOne;
    private int _count;
    private double _previousHigh;
    private double _previousLow;
    private double _previousClose;
    private Vector256<double> _sums;   // +DM, −DM, TR, unused
    private double _dxSum;
    private double _adx;

    public Adx(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 2);
        Period = period;
        _period = period;
        _periodLessOne = period - 1;
        _periods = Vector256.Create(_period);
    }

    public int Period { get; }
    public int WarmUpPeriod => 2 * Period;
    public bool IsReady => _count >= 2 * Period;

    /// <summary>The average directional index (0…100).</summary>
    public double Value => IsReady ? _adx : double.NaN;

    public double PlusDi { get; private set; } = double.NaN;
    public double MinusDi { get; private set; } = double.NaN;

    /// <summary>True when the ADX and both DIs have values.</summary>
    public bool Update(double high, double low, double close)
    {
        if (_count++ == 0)
        {
            _previousHigh = high;
            _previousLow = low;
            _previousClose = close;
            return false;
        }
        var up = high - _previousHigh;
        var down = _previousLow - low;
        var trueRange = Math.Max(high, _previousClose) - Math.Min(low, _previousClose);
        _previousHigh = high;
        _previousLow = low;
        _previousClose = close;
        var sums = _sums;
        if (_count > Period) sums -= sums / _periods;
        // +DM = up when up > 0 and up > down, −DM = down when down > 0 and down > up, else 0: selected by masks, not
        // branches, because the direction is a coin toss. Adding 0 leaves a sum as it was (the sums are never −0).
        var moves = Vector128.Create(up, down);
        var directional = moves & Vector128.GreaterThan(moves, Vector128<double>.Zero) & Vector128.GreaterThan(moves, Vector128.Create(down, up));
        _sums = sums += Vector256.Create(directional, Vector128.Create(trueRange, 0));
        if (_count <= Period) return false;

        var dx = double.NaN;
        var trueRangeSum = sums.GetElement(2);
        if (trueRangeSum != 0)
        {
            var di = Vector128.Create(100.0) * (sums.GetLower() / Vector128.Create(trueRangeSum));
            PlusDi = di.GetElement(0);
            MinusDi = di.GetElement(1);
            var sum = PlusDi + MinusDi;
            if (sum != 0) dx = 100 * (Math.Abs(PlusDi - MinusDi) / sum);
        }
        else
        {
            PlusDi = MinusDi = 0;
        }

        if (_count < 2 * Period)
        {
            if (!double.IsNaN(dx)) _dxSum += dx;
            return false;
        }
        if (_count == 2 * Period)
        {
            if (!double.IsNaN(dx)) _dxSum += dx;
            _adx = _dxSum / _period;
            return true;
        }
        if (!double.IsNaN(dx)) _adx = (_adx * _periodLessOne + dx) / _period;
        _count = 2 * Period + 1;
        return true;
    }

    public void Reset()
    {
        _count = 0;
        _previousHigh = _previousLow = _previousClose = 0;
        _sums = Vector256<double>.Zero;
        _dxSum = _adx = 0;
        PlusDi = MinusDi = double.NaN;
    }
}

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
/// </summary>
public sealed class Adx : IIndicator
{
    private int _count;
    private double _previousHigh;
    private double _previousLow;
    private double _previousClose;
    private double _plusDm;
    private double _minusDm;
    private double _trueRange;
    private double _dxSum;
    private double _adx;

    public Adx(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 2);
        Period = period;
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
        if (_count > Period)
        {
            _plusDm -= _plusDm / Period;
            _minusDm -= _minusDm / Period;
            _trueRange -= _trueRange / Period;
        }
        if (down > 0 && down > up) _minusDm += down;
        else if (up > 0 && up > down) _plusDm += up;
        _trueRange += trueRange;
        if (_count <= Period) return false;

        var dx = double.NaN;
        if (_trueRange != 0)
        {
            PlusDi = 100 * (_plusDm / _trueRange);
            MinusDi = 100 * (_minusDm / _trueRange);
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
            _adx = _dxSum / Period;
            return true;
        }
        if (!double.IsNaN(dx)) _adx = (_adx * (Period - 1) + dx) / Period;
        _count = 2 * Period + 1;
        return true;
    }

    public void Reset()
    {
        _count = 0;
        _previousHigh = _previousLow = _previousClose = 0;
        _plusDm = _minusDm = _trueRange = _dxSum = _adx = 0;
        PlusDi = MinusDi = double.NaN;
    }
}

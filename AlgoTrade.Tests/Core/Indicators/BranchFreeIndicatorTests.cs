using AlgoTrade.Core.Indicators;
using AlgoTrade.Tests.Core.Trading;

namespace AlgoTrade.Tests.Core.Indicators;

/// <summary>
/// RSI and ADX select gains, losses and directional movement with vector masks and divide two or three values in one
/// vector division. That must not change a single bit: each is compared with the plain one-division-at-a-time,
/// branch-per-condition formulas on long random series, tiny coin prices, flat stretches and tied moves.
/// </summary>
public class BranchFreeIndicatorTests
{
    public static TheoryData<string> Series => ["random walk", "coin at 0.0015", "flat and tied"];

    private static (double High, double Low, double Close)[] Candles(string name) => name switch
    {
        "random walk" => SyntheticSeries.Generate(99, new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc), 42_000, 20_000)
            .Candles.Select(c => (c.High, c.Low, c.Close)).ToArray(),
        "coin at 0.0015" => IndicatorSeries.Mixed(3000, 5, scaleShift: 16).Select(b => (b.H, b.L, b.C)).ToArray(),
        // Repeated candles (no change, no movement), then moves whose up and down are equal.
        _ => Enumerable.Range(0, 400).Select(i => i < 100 ? (10.0, 8.0, 9.0) : (10.0 + (i % 3), 8.0 - (i % 3), 9.0 + (i % 5) - 2)).ToArray(),
    };

    [Theory]
    [MemberData(nameof(Series))]
    public void Rsi_gives_the_bits_of_the_scalar_formulas(string series)
    {
        foreach (var period in new[] { 1, 2, 14, 50 })
        {
            var rsi = new Rsi(period);
            var reference = new ScalarRsi(period);
            var t = 0;
            foreach (var (_, _, close) in Candles(series))
            {
                Assert.Equal(reference.Update(close), rsi.Update(close));
                Assert.True(Same(reference.Value, rsi.Value), $"RSI({period}) at {t}: {reference.Value:R} vs {rsi.Value:R}");
                t++;
            }
        }
    }

    [Theory]
    [MemberData(nameof(Series))]
    public void Adx_gives_the_bits_of_the_scalar_formulas(string series)
    {
        foreach (var period in new[] { 2, 3, 14, 50 })
        {
            var adx = new Adx(period);
            var reference = new ScalarAdx(period);
            var t = 0;
            foreach (var (high, low, close) in Candles(series))
            {
                Assert.Equal(reference.Update(high, low, close), adx.Update(high, low, close));
                Assert.True(Same(reference.Value, adx.Value) && Same(reference.PlusDi, adx.PlusDi) && Same(reference.MinusDi, adx.MinusDi),
                    $"ADX({period}) at {t}: {reference.Value:R} {reference.PlusDi:R} {reference.MinusDi:R} vs {adx.Value:R} {adx.PlusDi:R} {adx.MinusDi:R}");
                t++;
            }
        }
    }

    private static bool Same(double a, double b) => BitConverter.DoubleToInt64Bits(a) == BitConverter.DoubleToInt64Bits(b);

    private sealed class ScalarRsi(int n)
    {
        private int _count;
        private double _previous, _gain, _loss;

        public double Value { get; private set; } = double.NaN;

        public bool Update(double x)
        {
            if (_count == 0)
            {
                _previous = x;
                _count = 1;
                return false;
            }
            var change = x - _previous;
            _previous = x;
            var gain = change > 0 ? change : 0;
            var loss = change < 0 ? -change : 0;
            if (_count > n)
            {
                _gain = (_gain * (n - 1) + gain) / n;
                _loss = (_loss * (n - 1) + loss) / n;
            }
            else
            {
                _gain += gain;
                _loss += loss;
                if (++_count <= n) return false;
                _gain /= n;
                _loss /= n;
            }
            var total = _gain + _loss;
            Value = total == 0 ? 0 : 100 * _gain / total;
            return true;
        }
    }

    private sealed class ScalarAdx(int n)
    {
        private int _count;
        private double _high, _low, _close, _plusDm, _minusDm, _trueRange, _dxSum, _adx;

        public double Value => _count >= 2 * n ? _adx : double.NaN;
        public double PlusDi { get; private set; } = double.NaN;
        public double MinusDi { get; private set; } = double.NaN;

        public bool Update(double high, double low, double close)
        {
            if (_count++ == 0)
            {
                (_high, _low, _close) = (high, low, close);
                return false;
            }
            var up = high - _high;
            var down = _low - low;
            var trueRange = Math.Max(high, _close) - Math.Min(low, _close);
            (_high, _low, _close) = (high, low, close);
            if (_count > n)
            {
                _plusDm -= _plusDm / n;
                _minusDm -= _minusDm / n;
                _trueRange -= _trueRange / n;
            }
            if (down > 0 && down > up) _minusDm += down;
            else if (up > 0 && up > down) _plusDm += up;
            _trueRange += trueRange;
            if (_count <= n) return false;
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
            if (_count <= 2 * n)
            {
                if (!double.IsNaN(dx)) _dxSum += dx;
                if (_count < 2 * n) return false;
                _adx = _dxSum / n;
                return true;
            }
            if (!double.IsNaN(dx)) _adx = (_adx * (n - 1) + dx) / n;
            return true;
        }
    }
}

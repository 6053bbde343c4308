using AlgoTrade.Core.Indicators;
using AlgoTrade.Core.Market;
using BenchmarkDotNet.Attributes;

namespace AlgoTrade.Benchmarks;

/// <summary>
/// One indicator updated over 1,000,000 one-minute candles with typical parameters; ns per update = Mean / 1,000,000.
/// Each method sums an output so the work cannot be optimised away.
/// </summary>
[MemoryDiagnoser]
public class IndicatorBenchmark
{
    private Candle[] _candles = [];

    [GlobalSetup]
    public void Setup() => _candles = SyntheticCandles.Generate(BacktestBenchmark.CandleCount);

    [Benchmark(Baseline = true, Description = "EMA(20) (for comparison)")]
    public double Ema()
    {
        var x = new Ema(20);
        var sum = 0.0;
        foreach (ref readonly var c in _candles.AsSpan()) if (x.Update(c.Close)) sum += x.Value;
        return sum;
    }

    [Benchmark(Description = "WMA(20)")]
    public double Wma()
    {
        var x = new Wma(20);
        var sum = 0.0;
        foreach (ref readonly var c in _candles.AsSpan()) if (x.Update(c.Close)) sum += x.Value;
        return sum;
    }

    [Benchmark(Description = "HMA(20)")]
    public double Hma()
    {
        var x = new Hma(20);
        var sum = 0.0;
        foreach (ref readonly var c in _candles.AsSpan()) if (x.Update(c.Close)) sum += x.Value;
        return sum;
    }

    [Benchmark(Description = "ROC(10)")]
    public double Roc()
    {
        var x = new Roc(10);
        var sum = 0.0;
        foreach (ref readonly var c in _candles.AsSpan()) if (x.Update(c.Close)) sum += x.Value;
        return sum;
    }

    [Benchmark(Description = "Momentum(10)")]
    public double Momentum()
    {
        var x = new Momentum(10);
        var sum = 0.0;
        foreach (ref readonly var c in _candles.AsSpan()) if (x.Update(c.Close)) sum += x.Value;
        return sum;
    }

    [Benchmark(Description = "Williams %R(14)")]
    public double WilliamsR()
    {
        var x = new WilliamsR(14);
        var sum = 0.0;
        foreach (ref readonly var c in _candles.AsSpan()) if (x.Update(c.High, c.Low, c.Close)) sum += x.Value;
        return sum;
    }

    [Benchmark(Description = "Stochastic(14, 3, 3)")]
    public double Stochastic()
    {
        var x = new Stochastic(14, 3, 3);
        var sum = 0.0;
        foreach (ref readonly var c in _candles.AsSpan()) if (x.Update(c.High, c.Low, c.Close)) sum += x.K - x.D;
        return sum;
    }

    [Benchmark(Description = "Stochastic RSI(14, 14, 3, 3)")]
    public double StochasticRsi()
    {
        var x = new StochasticRsi(14, 14, 3, 3);
        var sum = 0.0;
        foreach (ref readonly var c in _candles.AsSpan()) if (x.Update(c.Close)) sum += x.K - x.D;
        return sum;
    }

    [Benchmark(Description = "ADX(14) with +DI/−DI")]
    public double Adx()
    {
        var x = new Adx(14);
        var sum = 0.0;
        foreach (ref readonly var c in _candles.AsSpan()) if (x.Update(c.High, c.Low, c.Close)) sum += x.Value + x.PlusDi - x.MinusDi;
        return sum;
    }

    [Benchmark(Description = "CCI(20)")]
    public double Cci()
    {
        var x = new Cci(20);
        var sum = 0.0;
        foreach (ref readonly var c in _candles.AsSpan()) if (x.Update(c.High, c.Low, c.Close)) sum += x.Value;
        return sum;
    }

    [Benchmark(Description = "OBV")]
    public double Obv()
    {
        var x = new Obv();
        var sum = 0.0;
        foreach (ref readonly var c in _candles.AsSpan()) if (x.Update(c.Close, c.Volume)) sum += x.Value;
        return sum;
    }

    [Benchmark(Description = "VWAP(20)")]
    public double Vwap()
    {
        var x = new Vwap(20);
        var sum = 0.0;
        foreach (ref readonly var c in _candles.AsSpan()) if (x.Update(c.High, c.Low, c.Close, c.Volume)) sum += x.Value;
        return sum;
    }

    [Benchmark(Description = "Donchian(20)")]
    public double Donchian()
    {
        var x = new DonchianChannel(20);
        var sum = 0.0;
        foreach (ref readonly var c in _candles.AsSpan()) if (x.Update(c.High, c.Low)) sum += x.Upper - x.Lower;
        return sum;
    }

    [Benchmark(Description = "Keltner(20, 10, 2)")]
    public double Keltner()
    {
        var x = new KeltnerChannel(20, 10, 2);
        var sum = 0.0;
        foreach (ref readonly var c in _candles.AsSpan()) if (x.Update(c.High, c.Low, c.Close)) sum += x.Upper - x.Lower;
        return sum;
    }

    [Benchmark(Description = "Supertrend(10, 3)")]
    public double Supertrend()
    {
        var x = new Supertrend(10, 3);
        var sum = 0.0;
        foreach (ref readonly var c in _candles.AsSpan()) if (x.Update(c.High, c.Low, c.Close)) sum += x.Value * x.Direction;
        return sum;
    }
}

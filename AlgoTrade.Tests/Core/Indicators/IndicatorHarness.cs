using AlgoTrade.Core.Indicators;

namespace AlgoTrade.Tests.Core.Indicators;

/// <summary>
/// An indicator under test: its update from a candle and its outputs by name. Update's result means every output
/// has a value; the harness records outputs only then.
/// </summary>
internal sealed record Probe(IIndicator Indicator, Func<Bar, bool> Update, params (string Name, Func<double> Read)[] Outputs);

internal static class IndicatorHarness
{
    public const double RelativeTolerance = 1e-9;

    /// <summary>Each output's value per candle, null where Update returned false.</summary>
    public static double?[][] Run(Probe probe, IReadOnlyList<Bar> bars)
    {
        var values = probe.Outputs.Select(_ => new double?[bars.Count]).ToArray();
        for (var t = 0; t < bars.Count; t++)
        {
            var ready = probe.Update(bars[t]);
            Assert.Equal(ready, probe.Indicator.IsReady);
            if (!ready) continue;
            for (var k = 0; k < probe.Outputs.Length; k++) values[k][t] = probe.Outputs[k].Read();
        }
        return values;
    }

    /// <summary>
    /// Asserts that the indicator is ready exactly where every reference output has a value, that this starts at
    /// candle WarmUpPeriod, and that each output is within 1e-9 of the reference relative to max(|reference|, floor)
    /// (floor: the size below which a value counts as near zero, e.g. 1 for an oscillator, the tick for prices).
    /// </summary>
    public static void AssertMatches(Probe probe, IReadOnlyList<Bar> bars, double floor, params decimal?[][] expected)
    {
        Assert.Equal(probe.Outputs.Length, expected.Length);
        var actual = Run(probe, bars);
        var firstReady = -1;
        var compared = 0;
        for (var t = 0; t < bars.Count; t++)
        {
            var referenceReady = expected.All(e => e[t].HasValue);
            var ready = actual[0][t].HasValue;
            Assert.True(referenceReady == ready, $"candle {t}: indicator ready {ready}, reference ready {referenceReady}");
            if (!ready) continue;
            if (firstReady < 0) firstReady = t;
            for (var k = 0; k < expected.Length; k++)
            {
                var e = (double)expected[k][t]!.Value;
                var a = actual[k][t]!.Value;
                var tolerance = RelativeTolerance * Math.Max(Math.Abs(e), floor);
                Assert.True(Math.Abs(a - e) <= tolerance,
                    $"{probe.Outputs[k].Name} at candle {t}: {a:R}, reference {e:R} (tolerance {tolerance:R})");
                compared++;
            }
        }
        Assert.Equal(probe.Indicator.WarmUpPeriod - 1, firstReady);
        Assert.True(compared > 0);
    }

    /// <summary>Reset forgets everything: not ready, outputs NaN, and a second run equals the first bit for bit.</summary>
    public static void AssertResetRestarts(Probe probe, IReadOnlyList<Bar> bars)
    {
        var first = Run(probe, bars);
        probe.Indicator.Reset();
        Assert.False(probe.Indicator.IsReady);
        foreach (var (name, read) in probe.Outputs) Assert.True(double.IsNaN(read()) || name == "direction", $"{name} after Reset: {read()}");
        var second = Run(probe, bars);
        for (var k = 0; k < first.Length; k++) Assert.Equal(first[k], second[k]);
    }

    /// <summary>After a first pass (JIT, tiering), a second pass over the series allocates nothing.</summary>
    public static void AssertNoAllocation(Probe probe, IReadOnlyList<Bar> bars)
    {
        var sink = 0.0;
        for (var pass = 0; pass < 2; pass++)
        {
            probe.Indicator.Reset();
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var t = 0; t < bars.Count; t++)
                if (probe.Update(bars[t])) sink += probe.Outputs[0].Read();
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            if (pass == 1) Assert.Equal(0, allocated);
        }
        Assert.False(double.IsNaN(sink));
    }

    /// <summary>The outputs once per candle for short hand-computed sequences: null before ready.</summary>
    public static double?[] Values(Probe probe, IEnumerable<Bar> bars, int output = 0) => Run(probe, bars.ToArray())[output];

    public static void AssertSequence(double?[] expected, double?[] actual, double tolerance = 1e-12)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(expected[i].HasValue == actual[i].HasValue, $"index {i}: expected {expected[i]}, got {actual[i]}");
            if (expected[i] is { } e) Assert.True(Math.Abs(e - actual[i]!.Value) <= tolerance, $"index {i}: expected {e:R}, got {actual[i]:R}");
        }
    }

    /// <summary>Candles from (high, low, close) triples, volume 0, open = close.</summary>
    public static Bar[] Hlc(params (decimal H, decimal L, decimal C)[] bars) => bars.Select(b => new Bar(b.C, b.H, b.L, b.C, 0)).ToArray();

    /// <summary>Candles whose open, high, low and close are all x.</summary>
    public static Bar[] Closes(params decimal[] xs) => xs.Select(x => new Bar(x, x, x, x, 0)).ToArray();
}

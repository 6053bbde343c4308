namespace AlgoTrade.Core.Strategies.Rules.Evaluation;

/// <summary>
/// A feed output read further back than <see cref="RuleProgram.ShallowDepth"/> candles: kept in a ring instead of
/// moving a long frame block every candle, and each candle only the windows that conditions read are copied into
/// their frame slots (window slot + k = the value <c>Back + k</c> candles back).
/// </summary>
internal sealed class DeepSeries
{
    private readonly double[] _source;
    private readonly int _output;
    private readonly double[] _ring;
    private readonly int _mask;
    private readonly (int Back, int Slot, int Length)[] _windows;
    private int _head;

    public DeepSeries(double[] source, int output, int depth, (int Back, int Slot, int Length)[] windows)
    {
        _source = source;
        _output = output;
        _ring = new double[System.Numerics.BitOperations.RoundUpToPowerOf2((uint)depth + 1)];
        _mask = _ring.Length - 1;
        _windows = windows;
    }

    public void Capture(double[] frame)
    {
        var ring = _ring;
        var head = _head = (_head + 1) & _mask;
        ring[head] = _source[_output];
        foreach (var (back, slot, length) in _windows)
            for (var k = 0; k < length; k++)
                frame[slot + k] = ring[(head - back - k) & _mask];
    }

    public void Reset()
    {
        Array.Clear(_ring);
        _head = 0;
    }
}

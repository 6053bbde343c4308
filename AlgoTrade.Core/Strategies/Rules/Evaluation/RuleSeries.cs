using System.Runtime.CompilerServices;

namespace AlgoTrade.Core.Strategies.Rules.Evaluation;

/// <summary>
/// The recent values of one output of one indicator instance (or of a price field), in a ring sized once at compile
/// time for the deepest shift and look-back that reads it; a constant is a series of one value that never moves.
/// </summary>
internal sealed class RuleSeries
{
    private readonly double[]? _source;
    private readonly int _output;
    private readonly double[] _ring;
    private readonly int _mask;
    private int _head;

    private RuleSeries(RuleFeed? feed, int output, int capacity)
    {
        _source = feed?.Values;
        _output = output;
        _ring = new double[capacity];
        _mask = capacity - 1;
    }

    public static RuleSeries Constant(double value)
    {
        var series = new RuleSeries(null, 0, 1);
        series._ring[0] = value;
        return series;
    }

    /// <summary>A series that can be read up to <paramref name="depth"/> candles back.</summary>
    public static RuleSeries Of(RuleFeed feed, int output, int depth) =>
        new(feed, output, (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)depth + 1));

    public bool IsConstant => _source is null;

    /// <summary>Appends the feed's current value; called once per candle after the feed's update.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Capture()
    {
        _head = (_head + 1) & _mask;
        _ring[_head] = _source![_output];
    }

    /// <summary>The value <paramref name="back"/> candles before the current one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double At(int back) => _ring[(_head - back) & _mask];

    public void Reset()
    {
        if (IsConstant) return;
        Array.Clear(_ring);
        _head = 0;
    }
}

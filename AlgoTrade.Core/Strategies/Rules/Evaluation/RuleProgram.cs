using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace AlgoTrade.Core.Strategies.Rules.Evaluation;

/// <summary>
/// The compiled conditions of a rule document: one array of values (the frame) that every comparison reads at
/// fixed slots, and a flat array of <see cref="RuleStep"/>s with jumps in place of groups. Per candle,
/// <see cref="Capture"/> brings the frame up to date after the feeds updated, then <see cref="Evaluate"/> walks the
/// steps from the entry's or exit's first one. No virtual call, no allocation. The frame is read without bounds
/// checks: the constructor proves once that every slot a capture writes or a step reads lies inside it, and that
/// every jump goes to an earlier step (so evaluation ends).
/// </summary>
internal sealed class RuleProgram
{
    /// <summary>Jump target meaning "the whole condition holds".</summary>
    public const int Holds = -1;

    /// <summary>Jump target meaning "the whole condition fails".</summary>
    public const int Fails = -2;

    /// <summary>Series read at most this many candles back keep their history in the frame itself.</summary>
    public const int ShallowDepth = 8;

    private readonly double[] _frame;
    private readonly double[] _initialFrame;
    private readonly SeriesCapture[] _captures;
    private readonly DeepSeries[] _deep;
    private readonly RuleStep[] _steps;

    public RuleProgram(double[] frame, SeriesCapture[] captures, DeepSeries[] deep, RuleStep[] steps)
    {
        foreach (var c in captures)
            Require(c.Slot >= 0 && c.Depth >= 0 && c.Slot + c.Depth < frame.Length && (uint)c.Output < (uint)c.Source.Length, $"capture {c}");
        for (var i = 0; i < steps.Length; i++)
        {
            var s = steps[i];
            var back = RuleOperators.LookBack(s.Operator, s.Over);
            var rightBack = RuleOperators.IsUnary(s.Operator) ? 0 : back;
            Require(s.Left >= 0 && s.Right >= 0 && s.Left + back < frame.Length && s.Right + rightBack < frame.Length, $"step {i} {s}");
            Require(s.IfTrue is >= Fails and < 0 || (uint)s.IfTrue < (uint)i, $"step {i} jumps to {s.IfTrue}");
            Require(s.IfFalse is >= Fails and < 0 || (uint)s.IfFalse < (uint)i, $"step {i} jumps to {s.IfFalse}");
        }
        _frame = frame;
        _initialFrame = (double[])frame.Clone();
        _captures = captures;
        _deep = deep;
        _steps = steps;
    }

    private static void Require(bool condition, string what)
    {
        if (!condition) throw new InvalidOperationException($"Rule program is inconsistent: {what}.");
    }

    public int Steps => _steps.Length;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Capture()
    {
        ref var frame = ref MemoryMarshal.GetArrayDataReference(_frame);
        foreach (ref readonly var c in _captures.AsSpan())
        {
            ref var block = ref Unsafe.Add(ref frame, c.Slot);
            for (var k = c.Depth; k > 0; k--) Unsafe.Add(ref block, k) = Unsafe.Add(ref block, k - 1);
            block = Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(c.Source), c.Output);
        }
        if (_deep.Length != 0) CaptureDeep();
    }

    private void CaptureDeep()
    {
        foreach (var series in _deep) series.Capture(_frame);
    }

    /// <summary>
    /// True when the condition whose first step is <paramref name="start"/> holds on the current candle; a start of
    /// <see cref="Holds"/> or <see cref="Fails"/> is a condition decided at compile time (no exit rule fails).
    /// </summary>
    public bool Evaluate(int start)
    {
        ref var frame = ref MemoryMarshal.GetArrayDataReference(_frame);
        var steps = _steps;
        var i = start;
        while ((uint)i < (uint)steps.Length)
        {
            ref readonly var step = ref steps[i];
            i = Test(ref frame, in step) ? step.IfTrue : step.IfFalse;
        }
        return i == Holds;
    }

    /// <summary>Comparisons with NaN are false, as IEEE says; crosses are the built-in strategies' definition.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Test(ref double frame, in RuleStep step)
    {
        ref var a = ref Unsafe.Add(ref frame, step.Left);
        ref var b = ref Unsafe.Add(ref frame, step.Right);
        switch (step.Operator)
        {
            case RuleOperator.GreaterThan: return a > b;
            case RuleOperator.GreaterOrEqual: return a >= b;
            case RuleOperator.LessThan: return a < b;
            case RuleOperator.LessOrEqual: return a <= b;
            case RuleOperator.CrossesAbove: return a > b && Unsafe.Add(ref a, 1) <= Unsafe.Add(ref b, 1);
            case RuleOperator.CrossesBelow: return a < b && Unsafe.Add(ref a, 1) >= Unsafe.Add(ref b, 1);
            case RuleOperator.Rising:
                for (var k = 1; k <= step.Over; k++)
                    if (!(a > Unsafe.Add(ref a, k))) return false;
                return true;
            default:
                for (var k = 1; k <= step.Over; k++)
                    if (!(a < Unsafe.Add(ref a, k))) return false;
                return true;
        }
    }

    public void Reset()
    {
        _initialFrame.CopyTo(_frame, 0);
        foreach (var series in _deep) series.Reset();
    }
}

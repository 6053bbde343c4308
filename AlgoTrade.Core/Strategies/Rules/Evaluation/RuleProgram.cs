namespace AlgoTrade.Core.Strategies.Rules.Evaluation;

/// <summary>
/// The compiled conditions of a rule document: one array of values (the frame) that every comparison reads at
/// fixed slots, and a flat array of <see cref="RuleStep"/>s with jumps in place of groups. Per candle,
/// <see cref="Capture"/> brings the frame up to date after the feeds updated, then <see cref="Evaluate"/> walks the
/// steps from the entry's or exit's first one. No virtual call, no allocation.
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
        _frame = frame;
        _initialFrame = (double[])frame.Clone();
        _captures = captures;
        _deep = deep;
        _steps = steps;
    }

    public int Steps => _steps.Length;

    public void Capture()
    {
        var frame = _frame;
        foreach (ref readonly var c in _captures.AsSpan())
        {
            for (var k = c.Slot + c.Depth; k > c.Slot; k--) frame[k] = frame[k - 1];
            frame[c.Slot] = c.Source[c.Output];
        }
        foreach (var series in _deep) series.Capture(frame);
    }

    /// <summary>
    /// True when the condition whose first step is <paramref name="start"/> holds on the current candle; a start of
    /// <see cref="Holds"/> or <see cref="Fails"/> is a condition decided at compile time (no exit rule fails).
    /// </summary>
    public bool Evaluate(int start)
    {
        var frame = _frame;
        var steps = _steps;
        var i = start;
        while (i >= 0)
        {
            ref readonly var step = ref steps[i];
            i = Test(frame, in step) ? step.IfTrue : step.IfFalse;
        }
        return i == Holds;
    }

    /// <summary>Comparisons with NaN are false, as IEEE says; crosses are the built-in strategies' definition.</summary>
    private static bool Test(double[] frame, in RuleStep step)
    {
        int a = step.Left, b = step.Right;
        switch (step.Operator)
        {
            case RuleOperator.GreaterThan: return frame[a] > frame[b];
            case RuleOperator.GreaterOrEqual: return frame[a] >= frame[b];
            case RuleOperator.LessThan: return frame[a] < frame[b];
            case RuleOperator.LessOrEqual: return frame[a] <= frame[b];
            case RuleOperator.CrossesAbove: return frame[a] > frame[b] && frame[a + 1] <= frame[b + 1];
            case RuleOperator.CrossesBelow: return frame[a] < frame[b] && frame[a + 1] >= frame[b + 1];
            case RuleOperator.Rising:
            {
                var now = frame[a];
                for (var k = 1; k <= step.Over; k++)
                    if (!(now > frame[a + k])) return false;
                return true;
            }
            default:
            {
                var now = frame[a];
                for (var k = 1; k <= step.Over; k++)
                    if (!(now < frame[a + k])) return false;
                return true;
            }
        }
    }

    public void Reset()
    {
        _initialFrame.CopyTo(_frame, 0);
        foreach (var series in _deep) series.Reset();
    }
}

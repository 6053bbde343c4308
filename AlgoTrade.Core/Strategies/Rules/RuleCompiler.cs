using System.Globalization;
using System.Text;
using AlgoTrade.Core.Strategies.Rules.Evaluation;
using AlgoTrade.Core.Strategies.Rules.Feeds;

namespace AlgoTrade.Core.Strategies.Rules;

/// <summary>
/// Turns a validated <see cref="RuleDocument"/> into a <see cref="RuleStrategy"/>: one indicator instance per
/// distinct (indicator, parameters, source), the values the comparisons read laid out in one frame, and the
/// conditions flattened into a <see cref="RuleProgram"/>.
/// Warm-up = max over operands of (instance warm-up + shift) + the longest look-back of any operator (1 for
/// crosses, N for rising/falling), so every value any condition reads exists from the first signal on — the same
/// rule the built-in strategies follow.
/// </summary>
public static class RuleCompiler
{
    public static RuleStrategy Compile(RuleDocument document)
    {
        var plan = new Plan();
        plan.Collect(document.Entry);
        if (document.Exit is not null) plan.Collect(document.Exit);
        var (program, entry, exit) = plan.Build(document);
        return new RuleStrategy(document, [.. plan.Feeds], program, entry, exit, plan.WarmUp);
    }

    public static int WarmUpPeriod(RuleDocument document) => Compile(document).WarmUpPeriod;

    /// <summary>The indicator outputs the document reads, in order of first use.</summary>
    public static IReadOnlyList<RulePlot> Plots(RuleDocument document)
    {
        var plots = new List<RulePlot>();
        foreach (var operand in Operands(document))
        {
            if (operand is not IndicatorOperand o) continue;
            var plot = RulePlot.Of(RuleIndicators.Get(o.Indicator), o.Parameters, o.Output, o.Source);
            if (plots.All(p => p.Id != plot.Id)) plots.Add(plot);
        }
        return plots;
    }

    /// <summary>Every operand in the document, entry first, left before right.</summary>
    public static IEnumerable<RuleOperand> Operands(RuleDocument document)
    {
        foreach (var o in Operands(document.Entry)) yield return o;
        if (document.Exit is null) yield break;
        foreach (var o in Operands(document.Exit)) yield return o;
    }

    private static IEnumerable<RuleOperand> Operands(RuleNode node)
    {
        switch (node)
        {
            case RuleGroup g:
                foreach (var item in g.Items)
                    foreach (var o in Operands(item)) yield return o;
                break;
            case RuleNot n:
                foreach (var o in Operands(n.Inner)) yield return o;
                break;
            case RuleComparison c:
                yield return c.Left;
                if (c.Right is not null) yield return c.Right;
                break;
        }
    }

    /// <summary>Identity of an indicator instance: same key, same values on every candle.</summary>
    internal static string InstanceKey(RuleIndicator indicator, IReadOnlyDictionary<string, decimal> parameters, PriceField source)
    {
        var key = new StringBuilder(indicator.Name);
        foreach (var p in indicator.Parameters)
            key.Append('|').Append((parameters.TryGetValue(p.Name, out var v) ? v : p.Default).ToString("0.##########", CultureInfo.InvariantCulture));
        if (indicator.TakesSource) key.Append('|').Append(PriceFields.Name(source));
        return key.ToString();
    }

    private sealed class Plan
    {
        private const string PriceKey = "price";
        private readonly Dictionary<string, RuleFeed> _feeds = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Series> _series = new(StringComparer.Ordinal);
        private readonly List<double> _frame = [];
        private readonly List<RuleStep> _steps = [];
        private readonly List<SeriesCapture> _captures = [];
        private readonly List<DeepSeries> _deep = [];
        private readonly HashSet<PriceField> _prices = [];
        private int _maxOperandWarmUp;
        private int _maxLookBack;

        public List<RuleFeed> Feeds { get; } = [];
        public int WarmUp => _maxOperandWarmUp + _maxLookBack;

        public void Collect(RuleNode node)
        {
            switch (node)
            {
                case RuleGroup g:
                    foreach (var item in g.Items) Collect(item);
                    break;
                case RuleNot n:
                    Collect(n.Inner);
                    break;
                case RuleComparison c:
                    var lookBack = RuleOperators.LookBack(c.Operator, c.Over);
                    _maxLookBack = Math.Max(_maxLookBack, lookBack);
                    Use(c.Left, lookBack);
                    if (c.Right is not null) Use(c.Right, lookBack);
                    break;
            }
        }

        private void Use(RuleOperand operand, int lookBack)
        {
            if (operand is NumberOperand) return;
            if (operand is PriceOperand p) _prices.Add(p.Field);
            var (feedKey, seriesKey, shift) = Keys(operand);
            if (!_feeds.TryGetValue(feedKey, out var feed))
            {
                feed = operand is IndicatorOperand o ? RuleIndicators.Get(o.Indicator).Create(o.Parameters, o.Source) : new PriceFeed();
                _feeds[feedKey] = feed;
                Feeds.Add(feed);
            }
            _maxOperandWarmUp = Math.Max(_maxOperandWarmUp, feed.WarmUpPeriod + shift);
            if (!_series.TryGetValue(seriesKey, out var series))
                _series[seriesKey] = series = new Series(feed, Output(operand));
            series.Depth = Math.Max(series.Depth, shift + lookBack);
        }

        private static int Output(RuleOperand operand) => operand is IndicatorOperand o
            ? RuleIndicators.Get(o.Indicator).OutputIndex(o.Output)
            : (int)((PriceOperand)operand).Field;

        /// <summary>
        /// After <see cref="Collect"/>: lays out a frame block per shallow series and a ring per deep one, then emits the
        /// entry's and the exit's steps (each group's items from last to first, so every jump target already exists).
        /// </summary>
        public (RuleProgram Program, int Entry, int Exit) Build(RuleDocument document)
        {
            foreach (var feed in Feeds.OfType<PriceFeed>()) feed.Compute(_prices);
            foreach (var feed in Feeds) feed.ReadOutputs = 0;
            foreach (var series in _series.Values) series.Feed.ReadOutputs |= 1 << series.Output;
            foreach (var series in _series.Values.Where(s => s.Depth <= RuleProgram.ShallowDepth))
            {
                series.Slot = Allocate(series.Depth + 1, 0);
                _captures.Add(new SeriesCapture(series.Feed.Values, series.Output, series.Slot, series.Depth));
            }
            var entry = Emit(document.Entry, RuleProgram.Holds, RuleProgram.Fails);
            var exit = document.Exit is null ? RuleProgram.Fails : Emit(document.Exit, RuleProgram.Holds, RuleProgram.Fails);
            foreach (var series in _series.Values.Where(s => s.Depth > RuleProgram.ShallowDepth))
                _deep.Add(new DeepSeries(series.Feed.Values, series.Output, series.Depth, [.. series.Windows.Select(w => (w.Key.Back, w.Value, w.Key.Length))]));
            return (new RuleProgram([.. _frame], [.. _captures], [.. _deep], [.. _steps]), entry, exit);
        }

        private int Emit(RuleNode node, int ifTrue, int ifFalse)
        {
            switch (node)
            {
                case RuleGroup g:
                    var next = g.Kind == RuleGroupKind.All ? ifTrue : ifFalse;
                    for (var i = g.Items.Count - 1; i >= 0; i--)
                        next = g.Kind == RuleGroupKind.All ? Emit(g.Items[i], next, ifFalse) : Emit(g.Items[i], ifTrue, next);
                    return next;
                case RuleNot n:
                    return Emit(n.Inner, ifFalse, ifTrue);
                case RuleComparison c:
                    var lookBack = RuleOperators.LookBack(c.Operator, c.Over);
                    var right = c.Right is null ? 0 : Slot(c.Right, lookBack);
                    _steps.Add(new RuleStep(c.Operator, Slot(c.Left, lookBack), right, c.Over, ifTrue, ifFalse));
                    return _steps.Count - 1;
                default:
                    throw new InvalidOperationException($"Unknown rule node {node.GetType().Name}.");
            }
        }

        /// <summary>The frame slot holding the operand at its shift, followed by its <paramref name="lookBack"/> earlier values.</summary>
        private int Slot(RuleOperand operand, int lookBack)
        {
            if (operand is NumberOperand n) return Allocate(lookBack + 1, (double)n.Value);
            var (_, seriesKey, shift) = Keys(operand);
            var series = _series[seriesKey];
            if (series.Depth <= RuleProgram.ShallowDepth) return series.Slot + shift;
            if (!series.Windows.TryGetValue((shift, lookBack + 1), out var slot))
                series.Windows[(shift, lookBack + 1)] = slot = Allocate(lookBack + 1, 0);
            return slot;
        }

        private int Allocate(int length, double value)
        {
            var slot = _frame.Count;
            for (var i = 0; i < length; i++) _frame.Add(value);
            return slot;
        }

        private static (string Feed, string Series, int Shift) Keys(RuleOperand operand) => operand switch
        {
            IndicatorOperand o => Indicator(o),
            PriceOperand p => (PriceKey, PriceKey + ":" + PriceFields.Name(p.Field), p.Shift),
            _ => throw new InvalidOperationException("Numbers have no series."),
        };

        private static (string, string, int) Indicator(IndicatorOperand o)
        {
            var key = InstanceKey(RuleIndicators.Get(o.Indicator), o.Parameters, o.Source);
            return (key, key + ":" + o.Output, o.Shift);
        }

        /// <summary>One output of one feed as the conditions read it: how far back, and where in the frame.</summary>
        private sealed class Series(RuleFeed feed, int output)
        {
            public RuleFeed Feed { get; } = feed;
            public int Output { get; } = output;
            public int Depth { get; set; }
            public int Slot { get; set; }
            public Dictionary<(int Back, int Length), int> Windows { get; } = [];
        }
    }
}

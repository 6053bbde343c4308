using System.Globalization;
using System.Text;
using AlgoTrade.Core.Strategies.Rules.Evaluation;
using AlgoTrade.Core.Strategies.Rules.Feeds;

namespace AlgoTrade.Core.Strategies.Rules;

/// <summary>
/// Turns a validated <see cref="RuleDocument"/> into a <see cref="RuleStrategy"/>: one indicator instance per
/// distinct (indicator, parameters, source), one history ring per output read, a tree of sealed condition nodes.
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
        var entry = plan.Build(document.Entry);
        var exit = document.Exit is null ? null : plan.Build(document.Exit);
        return new RuleStrategy(document, [.. plan.Feeds], [.. plan.Series], entry, exit, plan.WarmUp);
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
        private readonly Dictionary<string, int> _depths = new(StringComparer.Ordinal);
        private readonly Dictionary<string, RuleSeries> _series = new(StringComparer.Ordinal);
        private int _maxOperandWarmUp;
        private int _maxLookBack;

        public List<RuleFeed> Feeds { get; } = [];
        public List<RuleSeries> Series { get; } = [];
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
            var (feedKey, seriesKey, shift) = Keys(operand);
            if (!_feeds.TryGetValue(feedKey, out var feed))
            {
                feed = operand is IndicatorOperand o ? RuleIndicators.Get(o.Indicator).Create(o.Parameters, o.Source) : new PriceFeed();
                _feeds[feedKey] = feed;
                Feeds.Add(feed);
            }
            _maxOperandWarmUp = Math.Max(_maxOperandWarmUp, feed.WarmUpPeriod + shift);
            _depths[seriesKey] = Math.Max(_depths.GetValueOrDefault(seriesKey), shift + lookBack);
        }

        public RuleCondition Build(RuleNode node) => node switch
        {
            RuleGroup { Kind: RuleGroupKind.All } g => g.Items.Count == 1 ? Build(g.Items[0]) : new AllCondition([.. g.Items.Select(Build)]),
            RuleGroup g => g.Items.Count == 1 ? Build(g.Items[0]) : new AnyCondition([.. g.Items.Select(Build)]),
            RuleNot n => new NotCondition(Build(n.Inner)),
            RuleComparison c => Comparison(c),
            _ => throw new InvalidOperationException($"Unknown rule node {node.GetType().Name}."),
        };

        private RuleCondition Comparison(RuleComparison c)
        {
            var (a, sa) = Bind(c.Left);
            if (c.Operator == RuleOperator.Rising) return new RisingCondition(a, sa, c.Over);
            if (c.Operator == RuleOperator.Falling) return new FallingCondition(a, sa, c.Over);
            var (b, sb) = Bind(c.Right!);
            return c.Operator switch
            {
                RuleOperator.GreaterThan => new GreaterThanCondition(a, sa, b, sb),
                RuleOperator.GreaterOrEqual => new GreaterOrEqualCondition(a, sa, b, sb),
                RuleOperator.LessThan => new LessThanCondition(a, sa, b, sb),
                RuleOperator.LessOrEqual => new LessOrEqualCondition(a, sa, b, sb),
                RuleOperator.CrossesAbove => new CrossesAboveCondition(a, sa, b, sb),
                _ => new CrossesBelowCondition(a, sa, b, sb),
            };
        }

        private (RuleSeries Series, int Shift) Bind(RuleOperand operand)
        {
            if (operand is NumberOperand n) return (RuleSeries.Constant((double)n.Value), 0);
            var (feedKey, seriesKey, shift) = Keys(operand);
            if (!_series.TryGetValue(seriesKey, out var series))
            {
                var output = operand is IndicatorOperand o
                    ? RuleIndicators.Get(o.Indicator).OutputIndex(o.Output)
                    : (int)((PriceOperand)operand).Field;
                series = RuleSeries.Of(_feeds[feedKey], output, _depths[seriesKey]);
                _series[seriesKey] = series;
                Series.Add(series);
            }
            return (series, shift);
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
    }
}

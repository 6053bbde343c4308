using System.Globalization;
using System.Text;
using AlgoTrade.Core.Market;
using AlgoTrade.Core.Strategies;
using AlgoTrade.Core.Strategies.Rules;
using AlgoTrade.Tests.Core.Trading;

namespace AlgoTrade.Tests.Core.Strategies.Rules;

/// <summary>
/// The compiled evaluator against a deliberately naive one: every operand's whole history is computed into an array
/// first (a fresh indicator instance per operand) and the tree is walked recursively, reading array[t − shift − k].
/// Hundreds of seeded random documents — nested all/any/not, every operator, price fields, indicators with several
/// outputs and sources, shifts and look-backs both shallow and deep — must signal identically on every candle.
/// </summary>
public class RuleEvaluationReferenceTests
{
    private static readonly Candle[] Candles =
        SyntheticSeries.Generate(424242, new DateTime(2025, 3, 1, 0, 0, 0, DateTimeKind.Utc), 42_000, 1500).Candles;

    private static readonly string[] Fields = ["open", "high", "low", "close", "volume", "hl2", "hlc3", "ohlc4"];
    private static readonly string[] Binary = [">", ">=", "<", "<=", "crosses_above", "crosses_below"];

    [Fact]
    public void Random_documents_signal_like_the_naive_evaluator_on_every_candle()
    {
        int enters = 0, exits = 0, deep = 0, tooBig = 0;
        for (var seed = 0; seed < 300; seed++)
        {
            var json = new DocumentGenerator(new Random(seed)).Document();
            var read = RuleDocumentReader.Read(json);
            // Only the size limits may reject a generated document; anything else is a bug in the generator.
            if (!read.IsValid && read.Errors.Values.SelectMany(e => e).All(e => e.Contains("at most", StringComparison.Ordinal)))
            {
                tooBig++;
                continue;
            }
            Assert.True(read.IsValid, $"seed {seed}: generated an invalid document {json}: "
                + string.Join(" ", read.Errors.Select(e => e.Key + ": " + string.Join(" ", e.Value))));
            var document = read.Document!;
            var strategy = RuleCompiler.Compile(document);
            var reference = new NaiveEvaluator(document, Candles);
            Assert.True(reference.WarmUp == strategy.WarmUpPeriod, $"seed {seed}: warm-up {strategy.WarmUpPeriod}, naive {reference.WarmUp} for {json}");
            if (reference.Depth > 8) deep++;
            for (var t = 0; t < Candles.Length; t++)
            {
                var expected = reference.SignalAt(t);
                var actual = strategy.OnCandle(in Candles[t]);
                Assert.True(expected == actual, $"seed {seed}, candle {t}: naive {expected}, compiled {actual} for {json}");
                if (actual == Signal.Enter) enters++;
                if (actual == Signal.Exit) exits++;
            }
        }
        Assert.True(tooBig < 15 && enters > 10_000 && exits > 10_000 && deep > 30,
            $"too little coverage: {tooBig} documents over the limits, {enters} entries, {exits} exits, {deep} deep documents");
    }

    private sealed class DocumentGenerator(Random random)
    {
        public string Document()
        {
            var entry = Node(0);
            return random.Next(4) == 0
                ? $$"""{"version": 1, "entry": {{entry}}}"""
                : $$"""{"version": 1, "entry": {{entry}}, "exit": {{Node(0)}}}""";
        }

        private string Node(int depth)
        {
            var roll = random.Next(10);
            if (depth < 2 && roll < 3)
            {
                var items = Enumerable.Range(0, 1 + random.Next(4)).Select(_ => Node(depth + 1));
                return $$"""{"{{(roll == 0 ? "any" : "all")}}": [{{string.Join(", ", items)}}]}""";
            }
            if (depth < 3 && roll == 3) return $$"""{"not": {{Node(depth + 1)}}}""";
            return Comparison();
        }

        private string Comparison()
        {
            if (random.Next(5) == 0)
                return $$"""{"left": {{Operand(allowNumber: false)}}, "op": "{{(random.Next(2) == 0 ? "rising" : "falling")}}", "over": {{Over()}}}""";
            var op = Binary[random.Next(Binary.Length)];
            return $$"""{"left": {{Operand(allowNumber: false)}}, "op": "{{op}}", "right": {{Operand(allowNumber: true)}}}""";
        }

        private int Over() => random.Next(6) == 0 ? 9 + random.Next(12) : 1 + random.Next(4);

        private int Shift() => random.Next(3) switch
        {
            0 => 0,
            1 => 1 + random.Next(3),
            _ => random.Next(5) == 0 ? 10 + random.Next(30) : 0,
        };

        private string Operand(bool allowNumber)
        {
            var roll = random.Next(10);
            if (allowNumber && roll < 3)
            {
                double[] levels = [0, 20, 50, 70, -50, 42_000, 0.5];
                return levels[random.Next(levels.Length)].ToString(CultureInfo.InvariantCulture);
            }
            if (roll < 5)
            {
                var field = Fields[random.Next(Fields.Length)];
                var shift = Shift();
                return shift == 0 && random.Next(2) == 0 ? $"\"{field}\"" : $$"""{"price": "{{field}}", "shift": {{shift}}}""";
            }
            var indicator = RuleIndicators.All[random.Next(RuleIndicators.All.Count)];
            var json = new StringBuilder($"{{\"ind\": \"{indicator.Name}\"");
            if (indicator.Parameters is [{ Name: "period", Kind: ParameterKind.Integer } period] && random.Next(2) == 0)
                json.Append(CultureInfo.InvariantCulture, $", \"period\": {random.Next((int)period.Min, 31)}");
            if (indicator.HasSeveralOutputs)
                json.Append(CultureInfo.InvariantCulture, $", \"out\": \"{indicator.Outputs[random.Next(indicator.Outputs.Count)].Name}\"");
            if (indicator.TakesSource && random.Next(3) == 0)
                json.Append(CultureInfo.InvariantCulture, $", \"source\": \"{Fields[random.Next(Fields.Length)]}\"");
            var s = Shift();
            if (s > 0) json.Append(CultureInfo.InvariantCulture, $", \"shift\": {s}");
            return json.Append('}').ToString();
        }
    }

    /// <summary>Whole histories first, then a recursive walk; no sharing, no rings, no compilation.</summary>
    private sealed class NaiveEvaluator
    {
        private readonly RuleDocument _document;
        private readonly Dictionary<RuleOperand, double[]> _histories = [];

        public NaiveEvaluator(RuleDocument document, Candle[] candles)
        {
            _document = document;
            var warmUp = 0;
            var lookBack = 0;
            foreach (var c in Comparisons(document.Entry).Concat(document.Exit is null ? [] : Comparisons(document.Exit)))
            {
                var back = c.Operator switch
                {
                    RuleOperator.CrossesAbove or RuleOperator.CrossesBelow => 1,
                    RuleOperator.Rising or RuleOperator.Falling => c.Over,
                    _ => 0,
                };
                lookBack = Math.Max(lookBack, back);
                foreach (var operand in new[] { c.Left, c.Right })
                {
                    switch (operand)
                    {
                        case PriceOperand p:
                            _histories[operand] = candles.Select(x => PriceFields.Read(in x, p.Field)).ToArray();
                            warmUp = Math.Max(warmUp, 1 + p.Shift);
                            Depth = Math.Max(Depth, p.Shift + back);
                            break;
                        case IndicatorOperand o:
                            var indicator = RuleIndicators.Get(o.Indicator);
                            var feed = indicator.Create(o.Parameters, o.Source);
                            var output = indicator.OutputIndex(o.Output);
                            _histories[operand] = candles.Select(x => { feed.Update(in x); return feed.Output(output); }).ToArray();
                            warmUp = Math.Max(warmUp, feed.WarmUpPeriod + o.Shift);
                            Depth = Math.Max(Depth, o.Shift + back);
                            break;
                    }
                }
            }
            WarmUp = warmUp + lookBack;
        }

        public int WarmUp { get; }

        /// <summary>The deepest candle any operand reads back.</summary>
        public int Depth { get; }

        public Signal SignalAt(int t)
        {
            if (t < WarmUp - 1) return Signal.None;
            if (Holds(_document.Entry, t)) return Signal.Enter;
            return _document.Exit is not null && Holds(_document.Exit, t) ? Signal.Exit : Signal.None;
        }

        private bool Holds(RuleNode node, int t) => node switch
        {
            RuleGroup { Kind: RuleGroupKind.All } g => g.Items.All(i => Holds(i, t)),
            RuleGroup g => g.Items.Any(i => Holds(i, t)),
            RuleNot n => !Holds(n.Inner, t),
            RuleComparison c => Compare(c, t),
            _ => throw new InvalidOperationException(node.GetType().Name),
        };

        private bool Compare(RuleComparison c, int t)
        {
            double L(int back) => Value(c.Left, t, back);
            double R(int back) => Value(c.Right!, t, back);
            switch (c.Operator)
            {
                case RuleOperator.GreaterThan: return L(0) > R(0);
                case RuleOperator.GreaterOrEqual: return L(0) >= R(0);
                case RuleOperator.LessThan: return L(0) < R(0);
                case RuleOperator.LessOrEqual: return L(0) <= R(0);
                case RuleOperator.CrossesAbove: return L(1) <= R(1) && L(0) > R(0);
                case RuleOperator.CrossesBelow: return L(1) >= R(1) && L(0) < R(0);
                case RuleOperator.Rising:
                    for (var k = 1; k <= c.Over; k++) if (!(L(0) > L(k))) return false;
                    return true;
                default:
                    for (var k = 1; k <= c.Over; k++) if (!(L(0) < L(k))) return false;
                    return true;
            }
        }

        private double Value(RuleOperand operand, int t, int back) => operand switch
        {
            NumberOperand n => (double)n.Value,
            PriceOperand p => _histories[operand][t - p.Shift - back],
            IndicatorOperand o => _histories[operand][t - o.Shift - back],
            _ => throw new InvalidOperationException(operand.GetType().Name),
        };

        private static IEnumerable<RuleComparison> Comparisons(RuleNode node) => node switch
        {
            RuleGroup g => g.Items.SelectMany(Comparisons),
            RuleNot n => Comparisons(n.Inner),
            RuleComparison c => [c],
            _ => [],
        };
    }
}

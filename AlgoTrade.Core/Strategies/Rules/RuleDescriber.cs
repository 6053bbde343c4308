using System.Text;

namespace AlgoTrade.Core.Strategies.Rules;

/// <summary>Plain language for a rule document: "Enter when EMA(12) crosses above EMA(26) and RSI(14) &lt; 70."</summary>
public static class RuleDescriber
{
    public const string NoExit = "Exit only through the risk settings (stop-loss, take-profit, trailing stop, maximum duration).";

    public static string Describe(RuleDocument document)
    {
        var text = new StringBuilder("Enter when ").Append(Describe(document.Entry, top: true)).Append('.');
        text.Append(' ').Append(document.Exit is null ? NoExit : "Exit when " + Describe(document.Exit, top: true) + ".");
        return text.ToString();
    }

    public static string Describe(RuleNode node, bool top = false) => node switch
    {
        RuleGroup { Items.Count: 1 } g => Describe(g.Items[0], top),
        RuleGroup g => Wrap(string.Join(g.Kind == RuleGroupKind.All ? " and " : " or ", g.Items.Select(i => Describe(i))), !top),
        RuleNot n => "not (" + Describe(n.Inner, top: true) + ")",
        RuleComparison c => Describe(c),
        _ => "?",
    };

    public static string Describe(RuleComparison c) => RuleOperators.IsUnary(c.Operator)
        ? $"{Describe(c.Left)} {RuleOperators.Text(c.Operator)} {c.Over} {Candles(c.Over)}"
        : $"{Describe(c.Left)} {RuleOperators.Text(c.Operator)} {Describe(c.Right!)}";

    public static string Describe(RuleOperand operand) => operand switch
    {
        NumberOperand n => RuleIndicator.Format(n.Value),
        PriceOperand p => PriceFields.Text(p.Field) + Ago(p.Shift),
        IndicatorOperand o => RuleIndicators.TryGet(o.Indicator, out var i)
            ? i.Describe(o.Parameters, o.Source, o.Output) + Ago(o.Shift)
            : o.Indicator + Ago(o.Shift),
        _ => "?",
    };

    private static string Ago(int shift) => shift == 0 ? "" : $" {shift} {Candles(shift)} ago";

    private static string Candles(int n) => n == 1 ? "candle" : "candles";

    private static string Wrap(string text, bool parentheses) => parentheses ? "(" + text + ")" : text;
}

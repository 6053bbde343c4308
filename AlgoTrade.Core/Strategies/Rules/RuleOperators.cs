namespace AlgoTrade.Core.Strategies.Rules;

/// <summary>The operators' names in a rule document and in plain language, and how far back each one looks.</summary>
public static class RuleOperators
{
    public static IReadOnlyList<(RuleOperator Operator, string Name, string Text)> All { get; } =
    [
        (RuleOperator.GreaterThan, ">", ">"),
        (RuleOperator.GreaterOrEqual, ">=", "≥"),
        (RuleOperator.LessThan, "<", "<"),
        (RuleOperator.LessOrEqual, "<=", "≤"),
        (RuleOperator.CrossesAbove, "crosses_above", "crosses above"),
        (RuleOperator.CrossesBelow, "crosses_below", "crosses below"),
        (RuleOperator.Rising, "rising", "is rising over"),
        (RuleOperator.Falling, "falling", "is falling over"),
    ];

    public static string Name(RuleOperator op) => All.First(o => o.Operator == op).Name;

    public static string Text(RuleOperator op) => All.First(o => o.Operator == op).Text;

    public static bool TryParse(string? name, out RuleOperator op)
    {
        foreach (var o in All)
            if (o.Name == name)
            {
                op = o.Operator;
                return true;
            }
        op = default;
        return false;
    }

    /// <summary>Rising and falling look at one operand over N candles; the others compare two.</summary>
    public static bool IsUnary(RuleOperator op) => op is RuleOperator.Rising or RuleOperator.Falling;

    /// <summary>Candles before the current one that the operator reads.</summary>
    public static int LookBack(RuleOperator op, int over) => op switch
    {
        RuleOperator.CrossesAbove or RuleOperator.CrossesBelow => 1,
        RuleOperator.Rising or RuleOperator.Falling => over,
        _ => 0,
    };
}

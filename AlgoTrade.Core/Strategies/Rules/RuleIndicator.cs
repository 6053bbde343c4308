using System.Globalization;

namespace AlgoTrade.Core.Strategies.Rules;

/// <summary>
/// An indicator rules may use: its name in a document (<c>"ind"</c>), typed parameters with ranges (the same
/// <see cref="StrategyParameter"/> the built-in strategies' forms use), cross-parameter rules, outputs, whether it
/// takes a <c>source</c> price series, and how to build one instance.
/// </summary>
public sealed class RuleIndicator
{
    private readonly Func<IReadOnlyDictionary<string, decimal>, PriceField, RuleFeed> _create;

    public RuleIndicator(
        string name,
        string label,
        string title,
        string description,
        IReadOnlyList<StrategyParameter> parameters,
        IReadOnlyList<RuleIndicatorOutput> outputs,
        bool takesSource,
        Func<IReadOnlyDictionary<string, decimal>, PriceField, RuleFeed> create,
        IReadOnlyList<StrategyRule>? rules = null)
    {
        Name = name;
        Label = label;
        Title = title;
        Description = description;
        Parameters = parameters;
        Outputs = outputs;
        TakesSource = takesSource;
        Rules = rules ?? [];
        _create = create;
    }

    /// <summary>The document's name, e.g. <c>ema</c>.</summary>
    public string Name { get; }

    /// <summary>Short name in labels, e.g. <c>EMA</c> in "EMA(12)".</summary>
    public string Label { get; }

    /// <summary>Full name, e.g. "Exponential moving average".</summary>
    public string Title { get; }

    public string Description { get; }
    public IReadOnlyList<StrategyParameter> Parameters { get; }
    public IReadOnlyList<StrategyRule> Rules { get; }
    public IReadOnlyList<RuleIndicatorOutput> Outputs { get; }

    /// <summary>True when the indicator runs on one price series chosen by <c>source</c> (close by default).</summary>
    public bool TakesSource { get; }

    /// <summary>Multi-output indicators need <c>out</c> in a document; single-output ones default to their only output.</summary>
    public bool HasSeveralOutputs => Outputs.Count > 1;

    public IReadOnlyDictionary<string, decimal> Defaults => Parameters.ToDictionary(p => p.Name, p => p.Default, StringComparer.Ordinal);

    public int OutputIndex(string output)
    {
        for (var i = 0; i < Outputs.Count; i++)
            if (Outputs[i].Name == output) return i;
        return -1;
    }

    /// <summary>Builds an instance from validated parameters (every parameter present).</summary>
    public RuleFeed Create(IReadOnlyDictionary<string, decimal> parameters, PriceField source) => _create(parameters, source);

    public int WarmUpPeriod(IReadOnlyDictionary<string, decimal> parameters, PriceField source) => Create(parameters, source).WarmUpPeriod;

    /// <summary>"EMA(12)", "EMA(12, high)", "MACD(12, 26, 9) histogram", "+DI(14)".</summary>
    public string Describe(IReadOnlyDictionary<string, decimal> parameters, PriceField source, string output)
    {
        var args = Parameters.Select(p => Format(parameters.TryGetValue(p.Name, out var v) ? v : p.Default)).ToList();
        if (TakesSource && source != PriceField.Close) args.Add(PriceFields.Text(source));
        var index = OutputIndex(output);
        var named = index >= 0 && Outputs[index].Named;
        var label = named ? Outputs[index].Label : Label;
        var text = args.Count == 0 ? label : $"{label}({string.Join(", ", args)})";
        return HasSeveralOutputs && index >= 0 && !named ? $"{text} {Outputs[index].Label}" : text;
    }

    internal static string Format(decimal value) => value.ToString("0.##########", CultureInfo.InvariantCulture);

    internal static int Int(IReadOnlyDictionary<string, decimal> p, string name) => (int)p[name];

    internal static double Double(IReadOnlyDictionary<string, decimal> p, string name) => (double)p[name];
}

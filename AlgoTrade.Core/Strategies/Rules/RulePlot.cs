namespace AlgoTrade.Core.Strategies.Rules;

/// <summary>
/// An indicator output a strategy reads, as a chart draws it: once per distinct instance and output,
/// whatever its shifts. <see cref="OnPrice"/>: over the candles, else in a pane of its own.
/// </summary>
public sealed record RulePlot(string Id, string Label, bool OnPrice, RuleIndicator Indicator, IReadOnlyDictionary<string, decimal> Parameters, PriceField Source, int Output)
{
    /// <summary>Plots that draw the same instance (indicator, parameters, source) share this key.</summary>
    public string InstanceKey => Id[..Id.LastIndexOf(':')];

    public RuleFeed CreateFeed() => Indicator.Create(Parameters, Source);

    /// <summary>Output <paramref name="output"/> of <paramref name="indicator"/> with <paramref name="parameters"/> (missing ones take their default).</summary>
    public static RulePlot Of(RuleIndicator indicator, IReadOnlyDictionary<string, decimal> parameters, string output, PriceField source = PriceField.Close)
    {
        var index = indicator.OutputIndex(output);
        if (index < 0) throw new ArgumentException($"{indicator.Title} has no output '{output}'.", nameof(output));
        var values = indicator.Parameters.ToDictionary(p => p.Name, p => parameters.TryGetValue(p.Name, out var v) ? v : p.Default, StringComparer.Ordinal);
        var id = RuleCompiler.InstanceKey(indicator, values, source) + ":" + output;
        var onPrice = indicator.Outputs[index].OnPrice && (!indicator.TakesSource || PriceFields.IsPrice(source));
        return new RulePlot(id, indicator.Describe(values, source, output), onPrice, indicator, values, source, index);
    }
}

namespace AlgoTrade.Core.Strategies.Rules;

/// <summary>
/// An indicator output a rule document reads, as a chart draws it: once per distinct instance and output,
/// whatever its shifts. <see cref="OnPrice"/>: over the candles, else in a pane of its own.
/// </summary>
public sealed record RulePlot(string Id, string Label, bool OnPrice, RuleIndicator Indicator, IReadOnlyDictionary<string, decimal> Parameters, PriceField Source, int Output)
{
    public RuleFeed CreateFeed() => Indicator.Create(Parameters, Source);
}

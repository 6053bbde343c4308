namespace AlgoTrade.Core.Strategies.Rules;

/// <summary>
/// One value an indicator produces. <see cref="OnPrice"/>: drawn over the candles (same scale as the source);
/// otherwise in a pane of its own.
/// </summary>
public sealed record RuleIndicatorOutput(string Name, string Label, bool OnPrice);

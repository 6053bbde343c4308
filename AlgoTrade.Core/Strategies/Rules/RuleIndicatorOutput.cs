namespace AlgoTrade.Core.Strategies.Rules;

/// <summary>
/// One value an indicator produces. <see cref="OnPrice"/>: drawn over the candles (same scale as the source);
/// otherwise in a pane of its own. <see cref="Named"/>: shown by its own label with the indicator's arguments
/// ("+DI(14)") instead of after the indicator's ("MACD(12, 26, 9) histogram").
/// </summary>
public sealed record RuleIndicatorOutput(string Name, string Label, bool OnPrice, bool Named = false);

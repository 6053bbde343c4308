namespace AlgoTrade.Core.Strategies.Rules;

/// <summary>
/// An output of an indicator with its parameters (every parameter of the indicator, defaults filled in), computed on
/// <see cref="Source"/> when the indicator takes one price series, read <see cref="Shift"/> candles back.
/// </summary>
public sealed record IndicatorOperand(
    string Indicator,
    IReadOnlyDictionary<string, decimal> Parameters,
    string Output,
    PriceField Source = PriceField.Close,
    int Shift = 0) : RuleOperand
{
    public bool Equals(IndicatorOperand? other) =>
        other is not null && Indicator == other.Indicator && Output == other.Output && Source == other.Source
        && Shift == other.Shift && Parameters.Count == other.Parameters.Count
        && Parameters.All(p => other.Parameters.TryGetValue(p.Key, out var v) && v == p.Value);

    public override int GetHashCode() => HashCode.Combine(Indicator, Output, Source, Shift, Parameters.Count);
}

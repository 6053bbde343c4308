using System.Globalization;

namespace AlgoTrade.Core.Strategies;

/// <summary>
/// One typed entry of <c>strategy_params</c>, with everything a form needs: label, help, default, bounds and step.
/// </summary>
public sealed record StrategyParameter(
    string Name,
    string Label,
    string Help,
    ParameterKind Kind,
    decimal Default,
    decimal Min,
    decimal Max,
    bool MinExclusive = false,
    bool MaxExclusive = false)
{
    /// <summary>Increment for a numeric input: 1 for integers, 0.1 for decimals.</summary>
    public decimal Step => Kind == ParameterKind.Integer ? 1m : 0.1m;

    /// <summary>Human description of the allowed range, e.g. "between 2 and 500" or "greater than 50 and less than 100".</summary>
    public string RangeText
    {
        get
        {
            var low = MinExclusive ? $"greater than {F(Min)}" : $"at least {F(Min)}";
            var high = MaxExclusive ? $"less than {F(Max)}" : $"at most {F(Max)}";
            return $"{low} and {high}";
        }
    }

    /// <summary>The problems with a value, or none.</summary>
    public IEnumerable<string> Check(decimal value)
    {
        if (Kind == ParameterKind.Integer && value != decimal.Truncate(value))
            yield return $"{Label} must be a whole number.";
        var belowMin = MinExclusive ? value <= Min : value < Min;
        var aboveMax = MaxExclusive ? value >= Max : value > Max;
        if (belowMin || aboveMax)
            yield return $"{Label} must be {RangeText} (got {F(value)}).";
    }

    internal static string F(decimal value) => value.ToString("0.##########", CultureInfo.InvariantCulture);
}

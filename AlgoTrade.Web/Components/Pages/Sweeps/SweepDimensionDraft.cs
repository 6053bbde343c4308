using System.Globalization;
using AlgoTrade.Core.Sweeps;

namespace AlgoTrade.Web.Components.Pages.Sweeps;

/// <summary>One row of the sweep form: a target and either a comma-separated list of values or a range.</summary>
public sealed class SweepDimensionDraft
{
    public string Target { get; set; } = "";
    public string ValuesText { get; set; } = "";
    public decimal? Min { get; set; }
    public decimal? Max { get; set; }
    public decimal? Step { get; set; }

    /// <summary>The dimension the planner checks; list entries that are not numbers are kept out and reported by <paramref name="bad"/>.</summary>
    public SweepDimension ToDimension(out string? bad)
    {
        bad = null;
        if (string.IsNullOrWhiteSpace(ValuesText))
            return new SweepDimension { Target = Target, Min = Min, Max = Max, Step = Step };
        var values = new List<decimal>();
        foreach (var part in ValuesText.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            if (decimal.TryParse(part, NumberStyles.Number, CultureInfo.InvariantCulture, out var v)) values.Add(v);
            else bad = $"'{part}' is not a number; separate values with commas, e.g. 5, 10, 15.";
        return new SweepDimension { Target = Target, Values = values };
    }
}

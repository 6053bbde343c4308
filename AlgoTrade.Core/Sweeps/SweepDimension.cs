namespace AlgoTrade.Core.Sweeps;

/// <summary>
/// One swept parameter (<see cref="Target"/>, a key of <see cref="SweepTargets"/>) and its values: either a list of
/// <see cref="Values"/>, or a range <see cref="Min"/>..<see cref="Max"/> (both included) with a <see cref="Step"/>
/// for grid search; random search may leave the step out and then draws anywhere in the range.
/// </summary>
public sealed record SweepDimension
{
    public string Target { get; init; } = "";
    public IReadOnlyList<decimal>? Values { get; init; }
    public decimal? Min { get; init; }
    public decimal? Max { get; init; }
    public decimal? Step { get; init; }

    public bool IsRange => Values is null;

    /// <summary>Grid value <paramref name="k"/> of a list or stepped range (0 ≤ k &lt; <see cref="GridCount"/>).</summary>
    public decimal GridValue(long k) => Values is { } values ? values[(int)k] : Normalize(Min!.Value + k * Step!.Value);

    // Drops trailing zeros (0.5 + 0.5 = 1.0 → 1), so a value prints and serializes as typed.
    private static decimal Normalize(decimal value) => value / 1.000000000000000000000000000000000m;

    /// <summary>How many grid values the dimension has (a range counts min, min+step, … up to max; 0 without a step).</summary>
    public long GridCount()
    {
        if (Values is not null) return Values.Count;
        if (Min is not { } min || Max is not { } max || Step is not { } step || step <= 0 || max < min) return 0;
        var steps = decimal.Floor((max - min) / step);
        return steps >= long.MaxValue - 1 ? long.MaxValue : (long)steps + 1;
    }
}

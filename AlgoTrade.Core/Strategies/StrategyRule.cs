namespace AlgoTrade.Core.Strategies;

/// <summary>
/// A rule between parameters, e.g. ema_fast &lt; ema_slow. Reported under the first of <see cref="Fields"/>, and
/// only checked when none of its fields already has an error of its own.
/// </summary>
public sealed record StrategyRule(IReadOnlyList<string> Fields, string Message, Func<StrategyParameters, bool> IsSatisfied)
{
    public string Field => Fields[0];
}

namespace AlgoTrade.Core.Strategies;

/// <summary>Either the resolved parameters or every problem keyed by parameter name.</summary>
public sealed record StrategyValidationResult(StrategyParameters? Parameters, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool IsValid => Parameters is not null;
}

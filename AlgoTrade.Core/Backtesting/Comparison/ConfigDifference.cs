namespace AlgoTrade.Core.Backtesting.Comparison;

/// <summary>A config key with each run's value as text ("—" when a run does not have it) and whether they differ.</summary>
public sealed record ConfigDifference(string Key, IReadOnlyList<string> Values, bool Differs);

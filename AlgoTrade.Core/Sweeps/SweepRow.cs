namespace AlgoTrade.Core.Sweeps;

/// <summary>A sweep in the trader's list.</summary>
public sealed record SweepRow(
    Guid Id, string Status, string Symbol, string Timeframe, string StrategyType, SweepObjective Objective,
    long TotalPoints, long EvaluatedPoints, double? BestScore, DateTime CreatedAt, string? ErrorMessage);

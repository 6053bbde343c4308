namespace AlgoTrade.Core.Sweeps;

/// <summary>One sweep with its definition and the targets of its dimensions (labels and limits for the results page).</summary>
public sealed record SweepDetail(
    Guid Id, string Status, SweepDefinition Definition, IReadOnlyList<SweepTarget> Targets, long TotalPoints, long EvaluatedPoints,
    SweepBest? Best, string? ErrorMessage, DateTime CreatedAt, DateTime UpdatedAt, DateTime? CompletedAt);

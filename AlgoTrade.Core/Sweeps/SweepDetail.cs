using AlgoTrade.Core.Candles;

namespace AlgoTrade.Core.Sweeps;

/// <summary>One sweep with its definition, the targets of its dimensions (labels and limits for the results page) and the gaps of its data.</summary>
public sealed record SweepDetail(
    Guid Id, string Status, SweepDefinition Definition, IReadOnlyList<SweepTarget> Targets, long TotalPoints, long EvaluatedPoints,
    SweepBest? Best, string? ErrorMessage, DateTime CreatedAt, DateTime UpdatedAt, DateTime? CompletedAt)
{
    /// <summary>Candles the sweep's period lacks (every evaluation ran over the same holes); null when none or not known yet.</summary>
    public CandleGapReport? DataGaps { get; init; }
}

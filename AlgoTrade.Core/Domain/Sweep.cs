using System.Text.Json;

namespace AlgoTrade.Core.Domain;

/// <summary>A parameter sweep (docs/optimisation.md): its definition, progress and best point so far.</summary>
public class Sweep
{
    public Guid Id { get; set; }
    public int UserId { get; set; }
    public string Status { get; set; } = SweepStatus.Pending;

    /// <summary>A <c>SweepDefinition</c> in snake_case JSON.</summary>
    public JsonDocument Definition { get; set; } = JsonDocument.Parse("{}");

    public long TotalPoints { get; set; }
    public long EvaluatedPoints { get; set; }

    /// <summary>The best qualifying evaluation so far (a <c>SweepPointResult</c>), or null.</summary>
    public JsonDocument? Best { get; set; }

    /// <summary>
    /// Candles the sweep's period lacks (a <c>CandleGapReport</c>), written with the first chunk from the data every
    /// evaluation reads; null when the data has no gap or no chunk has finished yet.
    /// </summary>
    public JsonDocument? DataGaps { get; set; }

    public string? ErrorMessage { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? CompletedAt { get; set; }

    public User? User { get; set; }
}

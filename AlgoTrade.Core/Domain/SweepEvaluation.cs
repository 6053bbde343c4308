using System.Text.Json;

namespace AlgoTrade.Core.Domain;

/// <summary>
/// One evaluated point of a sweep; (sweep, point index) is the key, so a chunk that runs twice writes each point once.
/// Metrics are <c>SweepMetrics</c> JSON; scores are the objective's values, copied out for sorting.
/// </summary>
public class SweepEvaluation
{
    public Guid SweepId { get; set; }
    public long PointIndex { get; set; }

    /// <summary>{"target": value, …} for the swept targets.</summary>
    public JsonDocument Params { get; set; } = JsonDocument.Parse("{}");

    public JsonDocument? InSample { get; set; }
    public JsonDocument? OutOfSample { get; set; }
    public double? InSampleScore { get; set; }
    public double? OutOfSampleScore { get; set; }
    public int? InSampleTrades { get; set; }
    public bool MeetsConstraints { get; set; }
    public string? Note { get; set; }

    public Sweep? Sweep { get; set; }
}

using System.Text.Json;

namespace AlgoTrade.Core.Domain;

public class BacktestJob
{
    public Guid Id { get; set; }
    public int UserId { get; set; }
    public BacktestJobStatus Status { get; set; } = BacktestJobStatus.Pending;
    public JsonDocument Config { get; set; } = JsonDocument.Parse("{}");
    public JsonDocument? Results { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    // Addition to the seed (docs/data-model.md).
    public string? ErrorMessage { get; set; }

    /// <summary>Fraction of the candles run, 0..1, while running; with <see cref="StartedAt"/> it gives the ETA.</summary>
    public double Progress { get; set; }

    /// <summary>When the current run started (a run taken over from a dead node starts again).</summary>
    public DateTime? StartedAt { get; set; }

    public User? User { get; set; }
}

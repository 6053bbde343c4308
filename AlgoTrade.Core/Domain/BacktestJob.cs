using System.Text.Json;

namespace AlgoTrade.Core.Domain;

public class BacktestJob
{
    public Guid Id { get; set; }
    public int UserId { get; set; }
    public string Status { get; set; } = BacktestJobStatus.Pending;
    public JsonDocument Config { get; set; } = JsonDocument.Parse("{}");
    public JsonDocument? Results { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    // Addition to the seed (docs/data-model.md).
    public string? ErrorMessage { get; set; }

    public User? User { get; set; }
}

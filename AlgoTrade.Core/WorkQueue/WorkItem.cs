using System.Text.Json;

namespace AlgoTrade.Core.WorkQueue;

/// <summary>
/// One unit of work on the cluster-wide queue (<c>work_items</c>): a backtest, a sweep chunk, … Any node with a handler
/// for its <see cref="Kind"/> may claim it; a running item belongs to <see cref="ClaimedBy"/> until
/// <see cref="LeaseUntil"/>, which that node's heartbeat keeps renewing.
/// </summary>
public class WorkItem
{
    public long Id { get; set; }
    public string Kind { get; set; } = "";

    /// <summary>The job the item belongs to (a backtest job's id, a sweep's id); cancel works on all items of a job.</summary>
    public Guid JobId { get; set; }

    public int UserId { get; set; }
    public JsonDocument Payload { get; set; } = JsonDocument.Parse("{}");
    public WorkItemStatus Status { get; set; } = WorkItemStatus.Pending;

    /// <summary>How many times a node claimed it; an item whose node died is claimed again until the limit.</summary>
    public int Attempts { get; set; }

    public string? ClaimedBy { get; set; }
    public DateTime? LeaseUntil { get; set; }

    /// <summary>0..1 as last reported by its handler.</summary>
    public double Progress { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>When the current attempt started running.</summary>
    public DateTime? StartedAt { get; set; }

    public string? Error { get; set; }
}

namespace AlgoTrade.Core.WorkQueue;

/// <summary>The stored (lower-case) names of <see cref="WorkItemStatus"/>, for SQL the queue writes by hand.</summary>
public static class WorkItemStatusNames
{
    public static string Of(WorkItemStatus status) => status switch
    {
        WorkItemStatus.Pending => "pending",
        WorkItemStatus.Running => "running",
        WorkItemStatus.Done => "done",
        WorkItemStatus.Failed => "failed",
        WorkItemStatus.Cancelled => "cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static WorkItemStatus Parse(string name) => name switch
    {
        "pending" => WorkItemStatus.Pending,
        "running" => WorkItemStatus.Running,
        "done" => WorkItemStatus.Done,
        "failed" => WorkItemStatus.Failed,
        "cancelled" => WorkItemStatus.Cancelled,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown work item status."),
    };
}

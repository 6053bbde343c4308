using AlgoTrade.Core.Domain;

namespace AlgoTrade.Core.WorkQueue;

/// <summary>The stored (lower-case) names of <see cref="WorkItemStatus"/>, for SQL the queue writes by hand.</summary>
public static class WorkItemStatusNames
{
    public static readonly SeedText<WorkItemStatus> Texts = new("work item status",
        (WorkItemStatus.Pending, "pending"),
        (WorkItemStatus.Running, "running"),
        (WorkItemStatus.Done, "done"),
        (WorkItemStatus.Failed, "failed"),
        (WorkItemStatus.Cancelled, "cancelled"));

    public static string Of(WorkItemStatus status) => Texts.ToText(status);

    public static WorkItemStatus Parse(string name) => Texts.Parse(name);
}

namespace AlgoTrade.Core.WorkQueue;

/// <summary>Stored as its lower-case name (<c>pending</c>, <c>running</c>, …).</summary>
public enum WorkItemStatus
{
    Pending,
    Running,
    Done,
    Failed,
    Cancelled,
}

namespace AlgoTrade.Core.WorkQueue;

/// <summary>
/// One job on the queue as the admin System page lists it: its items folded together. <see cref="Status"/> is running
/// while any item runs, pending while any waits, else failed, cancelled or done. <see cref="Progress"/> is the mean of
/// the items' (done items count as 1).
/// </summary>
public sealed record WorkJobRow(
    Guid JobId,
    string Kind,
    int UserId,
    string OwnerEmail,
    WorkItemStatus Status,
    int Items,
    int ItemsDone,
    double Progress,
    string? Nodes,
    int Attempts,
    DateTime CreatedAt,
    DateTime? StartedAt,
    DateTime UpdatedAt,
    string? Error)
{
    /// <summary>Time left at the rate so far; null before any progress or once finished.</summary>
    public TimeSpan? Remaining(DateTime now) => WorkProgress.Remaining(Status, Progress, StartedAt, now);
}

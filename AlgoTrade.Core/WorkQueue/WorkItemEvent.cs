namespace AlgoTrade.Core.WorkQueue;

/// <summary>
/// A work item changed (claimed, progressed, finished, cancelled), as seen on every node. <see cref="Progress"/> is the
/// item's fraction done; <see cref="StartedAt"/> with it gives an ETA.
/// </summary>
public sealed record WorkItemEvent(
    long ItemId, string Kind, Guid JobId, int UserId, WorkItemStatus Status, double Progress, DateTime? StartedAt, string? NodeId);

namespace AlgoTrade.Core.Admin;

/// <param name="Next">Where the following (older) page starts; null on the last page.</param>
public sealed record ActivityLogPage(IReadOnlyList<ActivityLogRow> Rows, ActivityLogCursor? Next);

namespace AlgoTrade.Core.Admin;

/// <param name="ApproximateRows">Estimated (see ActivityLogRowEstimate): counting millions of rows exactly is slow.</param>
public sealed record ActivityLogStorage(long TotalBytes, long TableBytes, long IndexBytes, long ApproximateRows, DateTime? Oldest, DateTime? Newest);

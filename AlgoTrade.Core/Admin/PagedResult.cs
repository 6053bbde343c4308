namespace AlgoTrade.Core.Admin;

public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Total);

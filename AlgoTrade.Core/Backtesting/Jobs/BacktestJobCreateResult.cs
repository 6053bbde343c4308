namespace AlgoTrade.Core.Backtesting.Jobs;

/// <summary>The new job's id, or every problem keyed by config field (<c>data</c> for the uploaded file), or a missing bot.</summary>
public sealed record BacktestJobCreateResult(Guid? JobId, IReadOnlyDictionary<string, string[]> Errors, bool NotFound = false)
{
    public bool Succeeded => JobId is not null;

    public static BacktestJobCreateResult Ok(Guid id) => new(id, new Dictionary<string, string[]>());
    public static BacktestJobCreateResult Invalid(IReadOnlyDictionary<string, string[]> errors) => new(null, errors);
    public static BacktestJobCreateResult Missing { get; } = new(null, new Dictionary<string, string[]>(), NotFound: true);
}

namespace AlgoTrade.Core.Sweeps;

public sealed record SweepCreateResult(Guid? SweepId, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool Succeeded => SweepId is not null;

    public static SweepCreateResult Ok(Guid id) => new(id, new Dictionary<string, string[]>());

    public static SweepCreateResult Invalid(IReadOnlyDictionary<string, string[]> errors) => new(null, errors);
}

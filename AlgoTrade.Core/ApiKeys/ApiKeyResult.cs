namespace AlgoTrade.Core.ApiKeys;

public sealed record ApiKeyResult(ApiKeySummary? Key, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool Succeeded => Key is not null && Errors.Count == 0;
}

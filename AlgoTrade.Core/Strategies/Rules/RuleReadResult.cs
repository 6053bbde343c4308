namespace AlgoTrade.Core.Strategies.Rules;

/// <summary>Either a valid document or every problem, keyed by its path in the document (<c>entry.all[1].right.period</c>).</summary>
public sealed record RuleReadResult(RuleDocument? Document, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool IsValid => Document is not null;
}

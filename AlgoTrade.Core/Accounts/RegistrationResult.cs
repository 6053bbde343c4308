using AlgoTrade.Core.Domain;

namespace AlgoTrade.Core.Accounts;

public sealed record RegistrationResult(User? User, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool Succeeded => User is not null;
}

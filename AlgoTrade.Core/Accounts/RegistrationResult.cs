using AlgoTrade.Core.Domain;

namespace AlgoTrade.Core.Accounts;

/// <param name="EmailTaken">
/// The address already has an account. Pages that anyone can reach must answer exactly as for a new account, so that
/// nobody learns which addresses are registered; the CLI and admins may say so.
/// </param>
public sealed record RegistrationResult(User? User, IReadOnlyDictionary<string, string[]> Errors, bool EmailTaken = false)
{
    public bool Succeeded => User is not null;
}

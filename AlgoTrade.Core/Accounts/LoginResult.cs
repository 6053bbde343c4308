using AlgoTrade.Core.Domain;

namespace AlgoTrade.Core.Accounts;

public enum LoginOutcome
{
    Succeeded,
    /// <summary>Unknown email or wrong password; the two are never told apart to the caller's user.</summary>
    InvalidCredentials,
    LockedOut,
    Deactivated,
}

public sealed record LoginResult(LoginOutcome Outcome, User? User = null, DateTime? LockedUntil = null)
{
    public bool Succeeded => Outcome == LoginOutcome.Succeeded;
}

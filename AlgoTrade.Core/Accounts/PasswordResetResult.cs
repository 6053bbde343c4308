namespace AlgoTrade.Core.Accounts;

/// <param name="Errors">Password policy messages; the token is not used up while there are any.</param>
public sealed record PasswordResetResult(TokenCheck Check, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Check == TokenCheck.Valid && Errors.Count == 0;
}

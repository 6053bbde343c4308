namespace AlgoTrade.Core.Accounts;

public sealed record TokenResult(TokenCheck Check, int UserId = 0, string Email = "")
{
    public bool IsValid => Check == TokenCheck.Valid;
}

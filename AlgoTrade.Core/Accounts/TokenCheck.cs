namespace AlgoTrade.Core.Accounts;

public enum TokenCheck
{
    Valid,
    /// <summary>Unknown, malformed or for another purpose.</summary>
    Invalid,
    Expired,
    AlreadyUsed,
}

namespace AlgoTrade.Core.Accounts;

/// <summary>What a request's session row says: whether it is still good and when it last passed a two-factor check.</summary>
public sealed record SessionCheck(bool Active, DateTime? TwoFactorVerifiedAt);

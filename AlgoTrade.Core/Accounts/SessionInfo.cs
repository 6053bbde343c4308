namespace AlgoTrade.Core.Accounts;

public sealed record SessionInfo(string Id, string Device, string? IpAddress, DateTime CreatedAt, DateTime LastSeenAt, bool TwoFactorVerified);

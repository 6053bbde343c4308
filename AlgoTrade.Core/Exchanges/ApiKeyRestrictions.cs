namespace AlgoTrade.Core.Exchanges;

/// <summary>What the exchange says about a key itself (Binance GET /sapi/v1/account/apiRestrictions).</summary>
public sealed record ApiKeyRestrictions(bool IpRestricted, bool CanWithdraw, bool CanTradeSpot, bool CanRead);

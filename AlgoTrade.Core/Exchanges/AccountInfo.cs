namespace AlgoTrade.Core.Exchanges;

public sealed record AccountInfo(bool CanTrade, bool CanWithdraw, IReadOnlyList<Balance> Balances);

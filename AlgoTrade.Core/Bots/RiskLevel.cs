namespace AlgoTrade.Core.Bots;

/// <summary>
/// Where one exit rule fires for an example entry: the price, its distance from the entry in percent, and the share
/// of the entry quantity it sells (null for the entry itself).
/// </summary>
public sealed record RiskLevel(RiskLevelKind Kind, string Label, decimal Price, decimal ChangePercent, decimal? SellsPercent, string Note);

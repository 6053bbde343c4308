namespace AlgoTrade.Core.Exchanges;

/// <summary>A symbol's trading rules. Zero means "no limit" for <see cref="MaxQuantity"/> and "no filter" elsewhere.</summary>
public sealed record SymbolInfo(
    string Symbol,
    string Status,
    string BaseAsset,
    string QuoteAsset,
    decimal TickSize,
    decimal StepSize,
    decimal MinQuantity,
    decimal MaxQuantity,
    decimal MinNotional)
{
    public bool IsTrading => Status == "TRADING";
}

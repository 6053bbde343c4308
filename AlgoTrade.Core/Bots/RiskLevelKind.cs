namespace AlgoTrade.Core.Bots;

public enum RiskLevelKind
{
    TakeProfit,
    PartialTakeProfit,
    Entry,
    TrailingStop,
    StopLoss,
}

namespace AlgoTrade.Core.Monitoring;

/// <summary>
/// Realized results of one bot. Wins and losses count exit fills (a partial take-profit is an exit of its own);
/// the equity curve is initial capital plus cumulative realized PnL after each exit.
/// </summary>
public sealed record BotPerformance(
    int Fills,
    int Exits,
    int Wins,
    int Losses,
    decimal RealizedPnl,
    decimal Fees,
    decimal InitialCapital,
    IReadOnlyList<ChartPoint> EquityCurve)
{
    public decimal? WinRatePercent => Exits == 0 ? null : 100m * Wins / Exits;
}

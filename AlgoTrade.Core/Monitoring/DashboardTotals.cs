using AlgoTrade.Core.Domain;

namespace AlgoTrade.Core.Monitoring;

/// <summary>The dashboard's headline numbers across one trader's bots.</summary>
public sealed record DashboardTotals(
    int Running,
    int Paused,
    int Stopped,
    int Error,
    int OpenPositions,
    decimal RealizedPnlToday,
    decimal UnrealizedPnl,
    decimal Equity,
    decimal InitialCapital)
{
    public decimal EquityChangePercent => InitialCapital == 0 ? 0 : (Equity / InitialCapital - 1m) * 100m;

    /// <param name="priceOf">The freshest known price of a bot's symbol, or null when none is known yet.</param>
    public static DashboardTotals From(IReadOnlyCollection<BotSnapshot> bots, Func<BotSnapshot, decimal?> priceOf) => new(
        bots.Count(b => b.Status == BotStatus.Running),
        bots.Count(b => b.Status == BotStatus.Paused),
        bots.Count(b => b.Status == BotStatus.Stopped),
        bots.Count(b => b.Status == BotStatus.Error),
        bots.Count(b => b.InPosition),
        bots.Sum(b => b.RealizedPnlToday),
        bots.Sum(b => b.UnrealizedPnl(priceOf(b))),
        bots.Sum(b => b.Equity(priceOf(b))),
        bots.Sum(b => b.InitialCapital));
}

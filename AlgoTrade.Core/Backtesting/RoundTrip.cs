namespace AlgoTrade.Core.Backtesting;

/// <summary>
/// One position from entry to the fill that closed it. <see cref="Cost"/> is the entry's quote amount plus its fee;
/// <see cref="Pnl"/> the sum of the realized PnL of its exit fills.
/// </summary>
public readonly record struct RoundTrip(DateTime EntryTime, DateTime ExitTime, double Cost, double Pnl)
{
    public double ReturnPercent => Pnl / Cost * 100;
}

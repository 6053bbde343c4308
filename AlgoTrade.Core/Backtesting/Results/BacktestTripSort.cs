namespace AlgoTrade.Core.Backtesting.Results;

/// <summary>The columns the trade list sorts by on the server.</summary>
public enum BacktestTripSort
{
    Number,
    EntryTime,
    Pnl,
    ReturnPct,
    DurationHours,
    ExitReason,
}

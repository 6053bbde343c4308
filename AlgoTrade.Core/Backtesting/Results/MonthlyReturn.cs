namespace AlgoTrade.Core.Backtesting.Results;

/// <summary>Return of one calendar month (UTC) in percent: equity at the month's last close over the previous month's (or the initial capital).</summary>
public sealed record MonthlyReturn(int Year, int Month, double ReturnPct);

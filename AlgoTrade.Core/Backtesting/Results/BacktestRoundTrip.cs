namespace AlgoTrade.Core.Backtesting.Results;

/// <summary>
/// One trade from its entry fill to the fill that closed it. <see cref="ExitPrice"/> is the quantity-weighted price of
/// its exit fills, <see cref="Pnl"/> their realized PnL (fees included) and <see cref="ReturnPct"/> that over the entry
/// cost. The levels are where the exit rules stood for this entry: the stop-loss and take-profits from the entry
/// price, the trailing stop as it stood at the exit candle (null when the rule is off).
/// </summary>
public sealed record BacktestRoundTrip(
    int Number,
    DateTime EntryTime,
    DateTime ExitTime,
    double EntryPrice,
    double ExitPrice,
    double Quantity,
    double Cost,
    double Pnl,
    double ReturnPct,
    double DurationHours,
    string ExitReason,
    int Fills,
    double? StopLoss,
    double? TakeProfit,
    double? TrailingStop,
    IReadOnlyList<double> PartialTakeProfits);

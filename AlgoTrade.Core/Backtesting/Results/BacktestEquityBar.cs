namespace AlgoTrade.Core.Backtesting.Results;

/// <summary>
/// Equity at the close of a bucket's last candle, what buying at the first open and holding would be worth then, and
/// the deepest drawdown from the running peak inside the bucket (percent, ≥ 0). <see cref="Time"/> in Unix seconds.
/// </summary>
public sealed record BacktestEquityBar(long Time, double Equity, double BuyAndHold, double Drawdown);

namespace AlgoTrade.Core.Backtesting;

/// <summary>Equity at a candle close, and its drawdown from the running peak in percent (≥ 0).</summary>
public readonly record struct EquityPoint(DateTime Time, double Equity, double Drawdown);

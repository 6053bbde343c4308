namespace AlgoTrade.Core.Backtesting.Jobs;

/// <summary>The candles for a backtest could not be had; the message is written for the trader and stored on the job.</summary>
public sealed class BacktestDataException(string message) : Exception(message);

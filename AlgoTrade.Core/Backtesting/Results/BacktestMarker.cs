namespace AlgoTrade.Core.Backtesting.Results;

/// <summary>A fill on the price chart: drawn on its bucket (<see cref="Time"/>), with the exact <see cref="FillTime"/> and price.</summary>
public sealed record BacktestMarker(long Time, DateTime FillTime, string Side, double Price, string Reason, int Trip);

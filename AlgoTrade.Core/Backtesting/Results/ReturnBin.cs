namespace AlgoTrade.Core.Backtesting.Results;

/// <summary>Trades whose return in percent is in [<see cref="From"/>, <see cref="To"/>) (the last bin includes its upper end).</summary>
public sealed record ReturnBin(double From, double To, int Count);

namespace AlgoTrade.Core.Strategies.Rules.Evaluation;

/// <summary>
/// Copies one feed output into its frame block each candle: slot + k holds the value k candles back, for k up to
/// <see cref="Depth"/> (the deepest shift plus look-back that reads it), so older values move down one slot first.
/// </summary>
internal readonly record struct SeriesCapture(double[] Source, int Output, int Slot, int Depth);

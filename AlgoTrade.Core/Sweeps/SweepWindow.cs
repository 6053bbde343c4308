namespace AlgoTrade.Core.Sweeps;

/// <summary>One walk-forward window as candle index ranges into <see cref="SweepData.Candles"/>: in-sample first, then out-of-sample (empty when the split is 100 %).</summary>
public readonly record struct SweepWindow(int Start, int InSampleLength, int OutOfSampleLength);

using AlgoTrade.Core.Backtesting;
using AlgoTrade.Core.Candles;
using AlgoTrade.Core.Market;

namespace AlgoTrade.Core.Sweeps;

/// <summary>
/// The candles of a sweep's period, loaded once and shared read-only by every evaluation, cut into the walk-forward
/// windows and their in-sample/out-of-sample parts by time (candle count).
/// </summary>
public sealed class SweepData
{
    private SweepData(Candle[] candles, IReadOnlyList<SweepWindow> windows, CandleGapReport? gaps)
    {
        Candles = candles;
        Windows = windows;
        Gaps = gaps;
    }

    public Candle[] Candles { get; }
    public IReadOnlyList<SweepWindow> Windows { get; }

    /// <summary>The candles the period lacks, as the loader found them; null when none is missing.</summary>
    public CandleGapReport? Gaps { get; }

    /// <summary>
    /// Selects the base config's [start, end) from <paramref name="candles"/> (ascending) and splits it; throws
    /// <see cref="Backtesting.Jobs.BacktestDataException"/> when there is nothing to split. <paramref name="gaps"/> is
    /// the loader's report on the same candles, kept with them for the sweep's result.
    /// </summary>
    public static SweepData Prepare(SweepDefinition definition, ReadOnlySpan<Candle> candles, CandleGapReport? gaps = null)
    {
        var config = definition.BaseConfig;
        var range = Backtester.SelectRange(candles, config.Start, config.End).ToArray();
        if (range.Length == 0)
            throw new Backtesting.Jobs.BacktestDataException(
                $"No {config.Symbol} {config.Timeframe} candles between {Describe(config.Start, "the first candle")} and {Describe(config.End, "the last candle")}.");
        var windows = new SweepWindow[definition.Windows];
        var perWindow = range.Length / definition.Windows;
        for (var w = 0; w < windows.Length; w++)
        {
            var start = w * perWindow;
            var length = w == windows.Length - 1 ? range.Length - start : perWindow;
            var inSample = (int)((long)length * definition.InSamplePercent / 100);
            var outOfSample = length - inSample;
            if (inSample < 2 || (definition.InSamplePercent < 100 && outOfSample < 2))
                throw new Backtesting.Jobs.BacktestDataException(
                    $"The period has {range.Length:N0} candles: too few to cut into {definition.Windows} window(s) split {definition.InSamplePercent}/{100 - definition.InSamplePercent}. Choose a longer period or fewer windows.");
            windows[w] = new SweepWindow(start, inSample, outOfSample);
        }
        return new SweepData(range, windows, gaps is { GapCount: > 0 } ? gaps : null);
    }

    private static string Describe(DateTime? time, string otherwise) => time is { } t ? $"{t:yyyy-MM-dd HH:mm} UTC" : otherwise;
}

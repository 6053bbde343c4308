namespace AlgoTrade.Core.Candles;

/// <summary>
/// One stored series as a coverage page lists it: stored candles, first open and last close, how many gaps and missing
/// candles it has, and only its first <see cref="FirstGaps"/> (oldest first) rather than all of them.
/// </summary>
public sealed record CandleSeriesSummary(
    CandleSeriesKey Series, long Candles, DateTime First, DateTime End, int GapCount, long MissingCandles, IReadOnlyList<CandleRange> FirstGaps)
{
    public string Exchange => Series.Exchange;
    public string Symbol => Series.Symbol;
    public string TimeframeCode => Series.Timeframe.Code;
}

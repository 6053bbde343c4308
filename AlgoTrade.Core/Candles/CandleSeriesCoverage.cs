namespace AlgoTrade.Core.Candles;

/// <summary>What the store holds of one series: its unbroken ranges, and the gaps between them.</summary>
public sealed record CandleSeriesCoverage(CandleSeriesKey Series, IReadOnlyList<CandleRange> Ranges, IReadOnlyList<CandleRange> Gaps)
{
    public long Candles => Ranges.Sum(r => r.Candles);
    public long MissingCandles => Gaps.Sum(g => g.Candles);
    public DateTime First => Ranges[0].From;

    /// <summary>Exclusive: the close time of the last stored candle.</summary>
    public DateTime End => Ranges[^1].To;
}

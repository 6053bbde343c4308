using AlgoTrade.Core.Market;

namespace AlgoTrade.Core.Candles;

/// <summary>
/// Which stored series a coverage page lists: an exact exchange, symbols containing <see cref="Symbol"/> (any case),
/// an exact timeframe; null or blank matches every series.
/// </summary>
public sealed record CandleSeriesFilter(string? Exchange = null, string? Symbol = null, Timeframe? Timeframe = null)
{
    public static CandleSeriesFilter None { get; } = new();
}

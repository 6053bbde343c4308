namespace AlgoTrade.Core.Candles;

/// <summary>One page of stored series and how many series match the filter in all.</summary>
public sealed record CandleSeriesPage(IReadOnlyList<CandleSeriesSummary> Items, int Total);

namespace AlgoTrade.Core.Monitoring;

public sealed record BotChartData(
    IReadOnlyList<ChartCandle> Candles,
    IReadOnlyList<ChartOverlay> Overlays,
    IReadOnlyList<ChartMarker> Markers,
    string? Error)
{
    public long? LastCandleTime => Candles.Count == 0 ? null : Candles[^1].Time;
}

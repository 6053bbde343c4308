namespace AlgoTrade.Core.Monitoring;

/// <summary>A fill on the chart, placed on the candle it happened in (or the last closed one while that is still forming).</summary>
public sealed record ChartMarker(long Time, long TradeId, string Side, double Price, string Reason, string Text);

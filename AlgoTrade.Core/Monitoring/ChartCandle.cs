namespace AlgoTrade.Core.Monitoring;

/// <summary>A candle as the chart takes it: <see cref="Time"/> is the open time in Unix seconds (UTC).</summary>
public sealed record ChartCandle(long Time, double Open, double High, double Low, double Close);

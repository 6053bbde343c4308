namespace AlgoTrade.Core.Monitoring;

public sealed record ChartPoint(long Time, double Value);

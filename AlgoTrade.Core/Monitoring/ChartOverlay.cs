namespace AlgoTrade.Core.Monitoring;

/// <summary>One indicator line; <see cref="Pane"/> 0 shares the price scale, 1 is the oscillator pane below it.</summary>
public sealed record ChartOverlay(string Id, string Label, string Color, int Pane, IReadOnlyList<ChartPoint> Points);

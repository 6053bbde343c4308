namespace AlgoTrade.Core.Sweeps;

/// <summary>A heatmap cell: the best in-sample score among the points with these two values (others varying), and how many there were.</summary>
public sealed record SweepHeatmapCell(decimal X, decimal Y, double? Score, int Points);

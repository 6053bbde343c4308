namespace AlgoTrade.Core.Sweeps;

/// <summary>Bounds of a sweep definition that do not depend on configuration.</summary>
public static class SweepLimits
{
    public const int MaxDimensions = 10;
    public const int MinInSamplePercent = 50;
    public const int MaxWindows = 20;
}

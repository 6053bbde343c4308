namespace AlgoTrade.Core.Sweeps;

/// <summary>Bounds of a sweep definition that do not depend on configuration.</summary>
public static class SweepLimits
{
    public const int MaxDimensions = 10;
    public const int MinInSamplePercent = 50;
    public const int MaxWindows = 20;

    /// <summary>
    /// A refinement sweep plans each batch from every finished point inside the chunk's writing transaction; its
    /// budget stays small enough for that (it is meant for evaluations too costly to grid).
    /// </summary>
    public const int MaxTpeSamples = 5_000;

    public const int MinTpeInitialSamples = 4;
    public const int MaxTpeBatchSize = 500;

    /// <summary>Each proposal weighs every grid value of a parameter against every finished point.</summary>
    public const int MaxTpeValuesPerDimension = 1_000;
}

namespace AlgoTrade.Core.Strategies.Rules;

/// <summary>Caps that keep a rule document small enough to read, validate and evaluate in nanoseconds.</summary>
public static class RuleLimits
{
    /// <summary>Nesting of all/any/not groups below entry or exit.</summary>
    public const int MaxDepth = 6;

    /// <summary>Comparisons in the whole document (entry and exit together).</summary>
    public const int MaxComparisons = 40;

    /// <summary>Conditions directly inside one all/any group.</summary>
    public const int MaxGroupItems = 20;

    /// <summary>Distinct indicator instances in the whole document.</summary>
    public const int MaxIndicators = 16;

    public const int MaxShift = 500;
    public const int MinOver = 1;
    public const int MaxOver = 100;

    /// <summary>Candles of history a document may need before its first signal.</summary>
    public const int MaxWarmUp = 2000;

    /// <summary>Largest magnitude of a number operand (prices, volumes and indicator levels are far below).</summary>
    public const decimal MaxNumber = 1_000_000_000_000m;

    /// <summary>Longest JSON text of a document accepted by the reader.</summary>
    public const int MaxJsonLength = 64 * 1024;
}

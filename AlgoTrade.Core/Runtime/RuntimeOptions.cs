namespace AlgoTrade.Core.Runtime;

public class RuntimeOptions
{
    public const string Section = "Runtime";

    /// <summary>Consecutive failed ticks after which a bot goes to status error and is unscheduled.</summary>
    public int MaxConsecutiveFailures { get; set; } = 5;

    /// <summary>Closed candles fetched each tick to rebuild the strategy's indicators (at least 5× its warm-up).</summary>
    public int CandleWindow { get; set; } = 500;

    /// <summary>Fee rate the fill model assumes on real exchanges (paper and simulated use their own commission).</summary>
    public decimal LiveFeeRate { get; set; } = 0.001m;

    /// <summary>Closed candles a strategy is warmed on: the configured window, or five times its warm-up if more.</summary>
    public static int WarmUpWindow(int candleWindow, int warmUpPeriod) => Math.Max(candleWindow, warmUpPeriod * 5);
}

using AlgoTrade.Core.Backtesting;

namespace AlgoTrade.Core.Sweeps;

/// <summary>
/// The part of a <see cref="BacktestSummary"/> a sweep keeps per point and sample. Over several walk-forward windows
/// ratios and returns are the mean of the windows (windows where a ratio is undefined are left out), trades add up
/// and the drawdown is the worst window's.
/// </summary>
public sealed record SweepMetrics
{
    public double TotalReturnPct { get; init; }
    public double MaxDrawdownPct { get; init; }
    public double? SharpeRatio { get; init; }
    public double? SortinoRatio { get; init; }
    public double? CalmarRatio { get; init; }
    public double? ProfitFactor { get; init; }
    public double? WinRatePct { get; init; }
    public int NumberOfTrades { get; init; }

    public static SweepMetrics From(BacktestSummary s) => new()
    {
        TotalReturnPct = s.TotalReturnPct,
        MaxDrawdownPct = s.MaxDrawdownPct,
        SharpeRatio = s.SharpeRatio,
        SortinoRatio = s.SortinoRatio,
        CalmarRatio = s.CalmarRatio,
        ProfitFactor = s.ProfitFactor,
        WinRatePct = s.WinRatePct,
        NumberOfTrades = s.NumberOfTrades,
    };

    public static SweepMetrics Combine(IReadOnlyList<BacktestSummary> windows)
    {
        if (windows.Count == 0) throw new ArgumentException("No windows to combine.", nameof(windows));
        if (windows.Count == 1) return From(windows[0]);
        return new SweepMetrics
        {
            TotalReturnPct = windows.Average(w => w.TotalReturnPct),
            MaxDrawdownPct = windows.Max(w => w.MaxDrawdownPct),
            SharpeRatio = Mean(windows.Select(w => w.SharpeRatio)),
            SortinoRatio = Mean(windows.Select(w => w.SortinoRatio)),
            CalmarRatio = Mean(windows.Select(w => w.CalmarRatio)),
            ProfitFactor = Mean(windows.Select(w => w.ProfitFactor)),
            WinRatePct = Mean(windows.Select(w => w.WinRatePct)),
            NumberOfTrades = windows.Sum(w => w.NumberOfTrades),
        };
    }

    private static double? Mean(IEnumerable<double?> values)
    {
        double sum = 0;
        var n = 0;
        foreach (var v in values)
        {
            if (v is not { } x) continue;
            sum += x;
            n++;
        }
        return n > 0 ? sum / n : null;
    }
}

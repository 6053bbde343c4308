using AlgoTrade.Core.Backtesting;
using AlgoTrade.Core.Sweeps;

namespace AlgoTrade.Tests.Core.Sweeps;

public class SweepScoringTests
{
    private static SweepPointResult Point(long index, decimal a, decimal b, double? score) =>
        new() { PointIndex = index, Values = [a, b], InSampleScore = score, MeetsConstraints = true };

    [Fact]
    public void Importance_is_the_share_of_objective_variance_each_parameter_explains()
    {
        // Scores 1, 3, 5, 7 on a 2×2 grid: mean 4, total sum of squares 9 + 1 + 1 + 9 = 20.
        // a: group means 2 and 6 → 2·4 + 2·4 = 16 → 0.8;  b: group means 3 and 5 → 2·1 + 2·1 = 4 → 0.2.
        var importance = SweepImportance.Compute([Point(0, 1, 1, 1), Point(1, 1, 2, 3), Point(2, 2, 1, 5), Point(3, 2, 2, 7), Point(4, 3, 3, null)], 2);
        Assert.Equal(0.8, importance[0]!.Value, 12);
        Assert.Equal(0.2, importance[1]!.Value, 12);
        Assert.Equal([null, null], SweepImportance.Compute([Point(0, 1, 1, 2), Point(1, 2, 2, 2)], 2));
    }

    [Fact]
    public void Windows_combine_as_means_sums_and_the_worst_drawdown()
    {
        BacktestSummary Window(double ret, double dd, double? sharpe, double? pf, int trades) =>
            new() { TotalReturnPct = ret, MaxDrawdownPct = dd, SharpeRatio = sharpe, SortinoRatio = sharpe, CalmarRatio = null, ProfitFactor = pf, NumberOfTrades = trades };
        var m = SweepMetrics.Combine([Window(10, 5, 1.5, 2, 3), Window(-4, 12, null, 0.5, 4), Window(0, 1, 0.5, null, 0)]);
        Assert.Equal(2, m.TotalReturnPct, 12);          // (10 − 4 + 0) / 3
        Assert.Equal(12, m.MaxDrawdownPct);
        Assert.Equal(1.0, m.SharpeRatio!.Value, 12);    // (1.5 + 0.5) / 2, the undefined window left out
        Assert.Equal(1.25, m.ProfitFactor!.Value, 12);  // (2 + 0.5) / 2
        Assert.Null(m.CalmarRatio);
        Assert.Equal(7, m.NumberOfTrades);
    }

    [Fact]
    public void Objectives_read_their_metric_from_the_summary()
    {
        var s = new BacktestSummary { SharpeRatio = 1, SortinoRatio = 2, CalmarRatio = 3, TotalReturnPct = 4, ProfitFactor = 5 };
        Assert.Equal([1.0, 2, 3, 4, 5], SweepObjectives.All.Select(o => SweepObjectives.Value(o, s)!.Value));
    }

    [Fact]
    public void Best_is_the_highest_qualifying_in_sample_score_with_the_lowest_index_on_ties()
    {
        SweepPointResult[] points = [Point(0, 1, 1, 2), Point(1, 1, 2, 5), Point(2, 2, 1, 5), Point(3, 2, 2, 9) with { MeetsConstraints = false }, Point(4, 3, 3, null)];
        Assert.Equal(1, SweepEvaluator.Best(points)!.PointIndex);
    }
}

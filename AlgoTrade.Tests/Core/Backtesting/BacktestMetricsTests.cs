using AlgoTrade.Core.Backtesting;

namespace AlgoTrade.Tests.Core.Backtesting;

public class BacktestMetricsTests
{
    private const double Tol = 1e-9;
    private static readonly DateTime Day0 = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Metrics_on_a_hand_checked_three_day_series()
    {
        // Daily candles, equity 100 → 110 → 99 → 108.9: daily returns +10 %, −10 %, +10 %.
        var equity = new EquityTracker(100, 3);
        equity.Add(Day0, Day0.AddDays(1), 110, exposed: true);
        equity.Add(Day0.AddDays(1), Day0.AddDays(2), 99, exposed: false);
        equity.Add(Day0.AddDays(2), Day0.AddDays(3), 108.9, exposed: true);
        RoundTrip[] trips =
        [
            new(Day0, Day0.AddHours(24), Cost: 100, Pnl: 10),
            new(Day0.AddDays(1), Day0.AddDays(3), Cost: 110, Pnl: -11),
        ];

        var s = BacktestMetrics.Compute(equity, trips, fills: 4, feesPaid: 0.4, Day0, Day0.AddDays(3), firstOpen: 50, lastClose: 60);

        Assert.Equal(100, s.InitialEquity);
        Assert.Equal(108.9, s.FinalEquity);
        Assert.Equal(8.9, s.TotalReturnPct, Tol);
        Assert.Equal(10, s.MaxDrawdownPct, Tol);                              // 110 → 99
        // mean 1/30, sample σ = √12/30 → Sharpe = √(365/12); downside √(0.01/3) → Sortino = √(365/3)
        Assert.Equal(Math.Sqrt(365.0 / 12), s.SharpeRatio!.Value, Tol);
        Assert.Equal(Math.Sqrt(365.0 / 3), s.SortinoRatio!.Value, Tol);
        var cagr = (Math.Pow(1.089, 365.0 / 3) - 1) * 100;
        Assert.Equal(cagr, s.CagrPct!.Value, cagr * 1e-12);
        Assert.Equal(cagr / 10, s.CalmarRatio!.Value, cagr * 1e-12);
        Assert.Equal(2, s.NumberOfTrades);
        Assert.Equal(4, s.NumberOfFills);
        Assert.Equal(50, s.WinRatePct);
        Assert.Equal(10.0 / 11, s.ProfitFactor!.Value, Tol);
        Assert.Equal(-0.5, s.Expectancy!.Value, Tol);
        Assert.Equal(0, s.AverageTradePct!.Value, Tol);                       // +10 % and −10 %
        Assert.Equal(10, s.BestTradePct!.Value, Tol);
        Assert.Equal(-10, s.WorstTradePct!.Value, Tol);
        Assert.Equal(36, s.AverageTradeDurationHours!.Value, Tol);
        Assert.Equal(200.0 / 3, s.ExposurePct, Tol);
        Assert.Equal(0.4, s.FeesPaid);
        Assert.Equal(20, s.BuyAndHoldReturnPct, Tol);
    }

    [Fact]
    public void Undefined_ratios_are_null()
    {
        var equity = new EquityTracker(100, 1);
        equity.Add(Day0, Day0.AddHours(1), 100, exposed: false);
        var s = BacktestMetrics.Compute(equity, [], 0, 0, Day0, Day0.AddHours(1), 1, 1);
        Assert.Null(s.SharpeRatio);
        Assert.Null(s.SortinoRatio);
        Assert.Null(s.CalmarRatio);
        Assert.Null(s.ProfitFactor);
        Assert.Null(s.WinRatePct);
        Assert.Equal(0, s.TotalReturnPct);
    }

    [Fact]
    public void Equity_curve_is_downsampled_to_the_limit_and_keeps_the_last_point()
    {
        var equity = new EquityTracker(100, 4999, maxPoints: 2000);
        for (var i = 0; i < 4999; i++)
            equity.Add(Day0.AddMinutes(i), Day0.AddMinutes(i + 1), 100 + i, exposed: false);
        Assert.Equal(1667, equity.Curve.Count);                               // stride 3
        Assert.Equal(Day0.AddMinutes(3), equity.Curve[0].Time);
        Assert.Equal(100 + 4998, equity.Curve[^1].Equity);
        Assert.Equal(4, equity.DailyEquity.Count);                           // 4999 minutes touch 4 UTC days
    }
}

namespace AlgoTrade.Core.Backtesting;

/// <summary>The summary metrics of docs/backtesting.md, from the equity tracker and the round trips.</summary>
public static class BacktestMetrics
{
    private const double DaysPerYear = 365;

    public static BacktestSummary Compute(
        EquityTracker equity,
        IReadOnlyList<RoundTrip> trips,
        int fills,
        double feesPaid,
        DateTime start,
        DateTime end,
        double firstOpen,
        double lastClose)
    {
        var initial = equity.InitialEquity;
        var final = equity.FinalEquity;
        var years = (end - start).TotalDays / DaysPerYear;
        double? cagr = years > 0 ? (final > 0 ? (Math.Pow(final / initial, 1 / years) - 1) * 100 : -100) : null;
        var maxDrawdown = equity.MaxDrawdownPct;

        var (sharpe, sortino) = DailyRatios(initial, equity.DailyEquity);

        double grossProfit = 0, grossLoss = 0, pnlSum = 0, returnSum = 0, hours = 0;
        double best = double.MinValue, worst = double.MaxValue;
        var wins = 0;
        foreach (var trip in trips)
        {
            if (trip.Pnl > 0)
            {
                grossProfit += trip.Pnl;
                wins++;
            }
            else
            {
                grossLoss -= trip.Pnl;
            }
            pnlSum += trip.Pnl;
            var r = trip.ReturnPercent;
            returnSum += r;
            best = Math.Max(best, r);
            worst = Math.Min(worst, r);
            hours += (trip.ExitTime - trip.EntryTime).TotalHours;
        }
        var n = trips.Count;

        return new BacktestSummary
        {
            Start = start,
            End = end,
            Candles = equity.Candles,
            InitialEquity = initial,
            FinalEquity = final,
            TotalReturnPct = (final / initial - 1) * 100,
            CagrPct = cagr,
            MaxDrawdownPct = maxDrawdown,
            SharpeRatio = sharpe,
            SortinoRatio = sortino,
            CalmarRatio = cagr is { } c && maxDrawdown > 0 ? c / maxDrawdown : null,
            ProfitFactor = grossLoss > 0 ? grossProfit / grossLoss : null,
            Expectancy = n > 0 ? pnlSum / n : null,
            WinRatePct = n > 0 ? 100.0 * wins / n : null,
            NumberOfTrades = n,
            NumberOfFills = fills,
            AverageTradePct = n > 0 ? returnSum / n : null,
            BestTradePct = n > 0 ? best : null,
            WorstTradePct = n > 0 ? worst : null,
            AverageTradeDurationHours = n > 0 ? hours / n : null,
            ExposurePct = equity.Candles > 0 ? 100.0 * equity.ExposedCandles / equity.Candles : 0,
            FeesPaid = feesPaid,
            BuyAndHoldReturnPct = (lastClose / firstOpen - 1) * 100,
        };
    }

    /// <summary>
    /// Sharpe = mean/sample-stdev of daily returns × √365; Sortino = mean / √(mean of squared negative returns) × √365.
    /// Daily return k = equity at the last close of day k / the previous day's (the first day against the initial equity).
    /// </summary>
    internal static (double? Sharpe, double? Sortino) DailyRatios(double initial, IReadOnlyList<double> dailyEquity)
    {
        var n = dailyEquity.Count;
        if (n < 2) return (null, null);
        var returns = new double[n];
        var previous = initial;
        for (var i = 0; i < n; i++)
        {
            returns[i] = dailyEquity[i] / previous - 1;
            previous = dailyEquity[i];
        }
        var mean = returns.Average();
        var variance = returns.Sum(r => (r - mean) * (r - mean)) / (n - 1);
        var downside = Math.Sqrt(returns.Sum(r => r < 0 ? r * r : 0) / n);
        var annual = Math.Sqrt(DaysPerYear);
        double? sharpe = variance > 0 ? mean / Math.Sqrt(variance) * annual : null;
        double? sortino = downside > 0 ? mean / downside * annual : null;
        return (sharpe, sortino);
    }
}

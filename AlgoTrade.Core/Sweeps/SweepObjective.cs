namespace AlgoTrade.Core.Sweeps;

/// <summary>The metric a sweep ranks its points by (higher is better for all of them).</summary>
public enum SweepObjective
{
    Sharpe,
    Sortino,
    Calmar,
    TotalReturn,
    ProfitFactor,
}

using AlgoTrade.Core.Backtesting;

namespace AlgoTrade.Core.Sweeps;

/// <summary>
/// What a trader asks to optimise: a base backtest, the parameters to vary, how points are chosen, what they are
/// ranked by, the constraints a point must meet, and the overfitting guard. Stored as <c>sweeps.definition</c>
/// (snake_case through <see cref="BacktestJson"/>); checked by <see cref="SweepPlanner"/>.
/// </summary>
public sealed record SweepDefinition
{
    public const int DefaultInSamplePercent = 70;

    public BacktestConfig BaseConfig { get; init; } = new();
    public IReadOnlyList<SweepDimension> Dimensions { get; init; } = [];
    public SweepSearch Search { get; init; } = SweepSearch.Grid;

    /// <summary>Points drawn by random search; the total budget of distinct points of a refinement (TPE) sweep.</summary>
    public int? Samples { get; init; }

    /// <summary>Random search draws the same points for the same seed; a refinement proposes the same points for the same seed and data.</summary>
    public int Seed { get; init; }

    /// <summary>Refinement (TPE): distinct random points evaluated before the first proposal.</summary>
    public int? InitialSamples { get; init; }

    /// <summary>Refinement (TPE): points proposed at once after each batch finishes (more = more parallel, less adaptive).</summary>
    public int? BatchSize { get; init; }

    public SweepObjective Objective { get; init; } = SweepObjective.Sharpe;

    /// <summary>A point with fewer in-sample round trips does not qualify as best.</summary>
    public int MinTrades { get; init; }

    /// <summary>A point whose in-sample drawdown is deeper (in percent) does not qualify as best; null = no limit.</summary>
    public decimal? MaxDrawdownPct { get; init; }

    /// <summary>
    /// Share of each window, by time, the points are ranked on (in-sample); the rest is out-of-sample and only
    /// reported. 100 = no out-of-sample part.
    /// </summary>
    public int InSamplePercent { get; init; } = DefaultInSamplePercent;

    /// <summary>Walk-forward windows: the period is cut into this many consecutive windows, each split in-sample/out-of-sample.</summary>
    public int Windows { get; init; } = 1;
}

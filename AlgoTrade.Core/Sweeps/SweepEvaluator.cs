using System.Globalization;
using AlgoTrade.Core.Backtesting;
using AlgoTrade.Core.Strategies;
using AlgoTrade.Core.Validation;

namespace AlgoTrade.Core.Sweeps;

/// <summary>
/// Evaluates points of a plan over shared candles in parallel (one backtest per point and window part, each on the
/// allocation-free <see cref="Backtester"/> loop). Each point depends only on its index, so results are the same
/// whatever the degree of parallelism or the chunking.
/// </summary>
public static class SweepEvaluator
{
    /// <summary>Points [<paramref name="from"/>, from + count) in index order, on up to <paramref name="maxParallelism"/> cores (null = all).</summary>
    public static SweepPointResult[] Evaluate(SweepPlan plan, SweepData data, long from, int count, int? maxParallelism = null, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(from);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(from + count, plan.Count, nameof(count));
        var results = new SweepPointResult[count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxParallelism ?? Environment.ProcessorCount, CancellationToken = ct };
        Parallel.For(0, count, options, i => results[i] = EvaluatePoint(plan, data, from + i));
        return results;
    }

    /// <summary>Given points (a refinement's proposals) numbered from <paramref name="from"/>, in order.</summary>
    public static SweepPointResult[] Evaluate(SweepPlan plan, SweepData data, long from, IReadOnlyList<decimal[]> points, int? maxParallelism = null, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(from);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(from + points.Count, plan.Count, nameof(points));
        var results = new SweepPointResult[points.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxParallelism ?? Environment.ProcessorCount, CancellationToken = ct };
        Parallel.For(0, points.Count, options, i => results[i] = EvaluatePoint(plan, data, from + i, points[i]));
        return results;
    }

    public static SweepPointResult EvaluatePoint(SweepPlan plan, SweepData data, long index) => EvaluatePoint(plan, data, index, plan.Space.Point(index));

    public static SweepPointResult EvaluatePoint(SweepPlan plan, SweepData data, long index, decimal[] values)
    {
        var config = plan.ConfigFor(values);
        var errors = BacktestConfigValidator.Validate(config);
        if (errors.Count > 0)
            return new SweepPointResult { PointIndex = index, Values = values, Note = "Invalid point: " + string.Join(" ", ValidationErrors.Describe(errors)) };

        var definition = StrategyRegistry.Get(config.StrategyType);
        var strategy = definition.Create(definition.Validate(config.StrategyParams).Parameters!);
        var risk = config.Risk;
        var candles = data.Candles.AsSpan();
        var inSample = new BacktestSummary[data.Windows.Count];
        var outOfSample = new List<BacktestSummary>(data.Windows.Count);
        for (var w = 0; w < data.Windows.Count; w++)
        {
            var window = data.Windows[w];
            strategy.Reset();
            inSample[w] = Backtester.Run(strategy, risk, plan.Timeframe, candles.Slice(window.Start, window.InSampleLength)).Summary;
            if (window.OutOfSampleLength == 0) continue;
            strategy.Reset();
            outOfSample.Add(Backtester.Run(strategy, risk, plan.Timeframe, candles.Slice(window.Start + window.InSampleLength, window.OutOfSampleLength)).Summary);
        }

        var d = plan.Definition;
        var isMetrics = SweepMetrics.Combine(inSample);
        var oosMetrics = outOfSample.Count > 0 ? SweepMetrics.Combine(outOfSample) : null;
        string? note = null;
        if (isMetrics.NumberOfTrades < d.MinTrades)
            note = string.Create(CultureInfo.InvariantCulture, $"{isMetrics.NumberOfTrades} in-sample trades, fewer than the minimum of {d.MinTrades}.");
        else if (d.MaxDrawdownPct is { } maxDrawdown && isMetrics.MaxDrawdownPct > (double)maxDrawdown)
            note = string.Create(CultureInfo.InvariantCulture, $"In-sample drawdown {isMetrics.MaxDrawdownPct:0.##} % is deeper than the maximum of {maxDrawdown} %.");
        return new SweepPointResult
        {
            PointIndex = index,
            Values = values,
            InSample = isMetrics,
            OutOfSample = oosMetrics,
            InSampleScore = SweepObjectives.Value(d.Objective, isMetrics),
            OutOfSampleScore = oosMetrics is null ? null : SweepObjectives.Value(d.Objective, oosMetrics),
            MeetsConstraints = note is null,
            Note = note,
        };
    }

    /// <summary>The qualifying point with the highest in-sample score (the lowest index among equals), or null.</summary>
    public static SweepPointResult? Best(IEnumerable<SweepPointResult> evaluations)
    {
        SweepPointResult? best = null;
        foreach (var e in evaluations)
        {
            if (!e.Qualifies) continue;
            if (best is null || e.InSampleScore > best.InSampleScore || (e.InSampleScore == best.InSampleScore && e.PointIndex < best.PointIndex))
                best = e;
        }
        return best;
    }
}

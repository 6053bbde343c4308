using System.Globalization;
using AlgoTrade.Core.Backtesting;
using AlgoTrade.Core.Strategies;
using AlgoTrade.Core.Validation;

namespace AlgoTrade.Core.Sweeps;

/// <summary>
/// Checks a <see cref="SweepDefinition"/> and lists every problem: the base config through
/// <see cref="BacktestConfigValidator"/>, each dimension against its target's limits (the strategy's, the rule
/// document's or the risk validator's), the number of points against <paramref name="maxEvaluations"/>, the
/// constraints and the in-sample/out-of-sample split. Nothing runs or is saved for an invalid definition.
/// </summary>
public static class SweepPlanner
{
    public static SweepPlanResult Plan(SweepDefinition definition, long maxEvaluations)
    {
        var e = new ValidationErrors();
        e.AddAll(BacktestConfigValidator.Validate(definition.BaseConfig), "base_config.");

        var available = SweepTargets.For(definition.BaseConfig).ToDictionary(t => t.Key, StringComparer.Ordinal);
        var targets = new List<SweepTarget>();
        var dimensions = definition.Dimensions;
        if (dimensions.Count == 0)
            e.Add("dimensions", "Choose at least one parameter to sweep.");
        else if (dimensions.Count > SweepLimits.MaxDimensions)
            e.Add("dimensions", $"At most {SweepLimits.MaxDimensions} parameters per sweep (got {dimensions.Count}).");

        var count = 1.0;
        for (var i = 0; i < dimensions.Count; i++)
        {
            var d = dimensions[i];
            var at = $"dimensions[{i}]";
            if (!available.TryGetValue(d.Target, out var target))
            {
                e.Add(at + ".target", string.IsNullOrWhiteSpace(d.Target)
                    ? "Choose the parameter to sweep."
                    : $"'{d.Target}' is not a number this config can sweep; choose one of {string.Join(", ", available.Keys)}.");
                continue;
            }
            if (targets.Any(t => t.Key == target.Key))
                e.Add(at + ".target", $"{target.Label} ({target.Key}) is swept twice; give it one list or range.");
            targets.Add(target);
            var values = CheckDimension(d, target, definition.Search, at, e);
            if (definition.Search == SweepSearch.Tpe && values > SweepLimits.MaxTpeValuesPerDimension)
                e.Add(at, $"{target.Label} has {values.ToString("N0", CultureInfo.InvariantCulture)} values; Bayesian refinement models at most {SweepLimits.MaxTpeValuesPerDimension:N0} per parameter: take a larger step.");
            count *= values;
        }

        long points = 0;
        if (definition.Search == SweepSearch.Random)
        {
            if (definition.Samples is not { } samples || samples < 1)
                e.Add("samples", "Random search needs the number of points to draw (at least 1).");
            else if (samples > maxEvaluations)
                e.Add("samples", $"{samples:N0} points requested; at most {maxEvaluations:N0} are allowed per sweep.");
            else
                points = samples;
        }
        else if (definition.Search == SweepSearch.Tpe)
            points = CheckRefinement(definition, count, dimensions.Count > 0 && targets.Count == dimensions.Count, maxEvaluations, e);
        else if (dimensions.Count > 0 && count > maxEvaluations)
            e.Add("dimensions", $"This grid has {count.ToString("N0", CultureInfo.InvariantCulture)} combinations; at most {maxEvaluations:N0} are allowed per sweep. Narrow the ranges, take larger steps or use random search.");
        else
            points = (long)count;

        if (definition.MinTrades < 0)
            e.Add("min_trades", "Minimum trades cannot be negative.");
        if (definition.MaxDrawdownPct is { } dd && (dd <= 0 || dd > 100))
            e.Add("max_drawdown_pct", $"Maximum drawdown must be greater than 0 and at most 100 % (got {dd.ToString(CultureInfo.InvariantCulture)}).");
        if (!Enum.IsDefined(definition.Objective))
            e.Add("objective", $"Choose an objective: {string.Join(", ", SweepObjectives.All.Select(SweepObjectives.Label))}.");
        if (definition.InSamplePercent < SweepLimits.MinInSamplePercent || definition.InSamplePercent > 100)
            e.Add("in_sample_percent", $"In-sample share must be between {SweepLimits.MinInSamplePercent} and 100 % (100 = no out-of-sample part; got {definition.InSamplePercent}).");
        if (definition.Windows < 1 || definition.Windows > SweepLimits.MaxWindows)
            e.Add("windows", $"Walk-forward windows must be between 1 and {SweepLimits.MaxWindows} (got {definition.Windows}).");
        else if (definition.Windows > 1 && definition.InSamplePercent == 100)
            e.Add("windows", "Walk-forward windows need an out-of-sample part: set the in-sample share below 100 %.");

        if (!e.IsEmpty) return new SweepPlanResult(null, e.ToDictionary());
        var space = new SweepSpace(definition.Search, definition.Seed, points, dimensions, targets, definition.InitialSamples ?? 0);
        var plan = new SweepPlan(definition, targets, space);

        // The first point stands for all: a base config that only fails once a value is applied (e.g. a rule path) is caught here.
        foreach (var (field, messages) in BacktestConfigValidator.Validate(plan.ConfigFor(0)))
            foreach (var message in messages)
                e.Add("point[0]." + field, message);
        return e.IsEmpty ? new SweepPlanResult(plan, e.ToDictionary()) : new SweepPlanResult(null, e.ToDictionary());
    }

    /// <summary>The budget, initial batch and batch size of a refinement; returns the budget (0 when invalid).</summary>
    private static long CheckRefinement(SweepDefinition definition, double gridCount, bool dimensionsKnown, long maxEvaluations, ValidationErrors e)
    {
        var cap = Math.Min(maxEvaluations, SweepLimits.MaxTpeSamples);
        var ok = true;
        if (definition.Samples is not { } samples || samples <= SweepLimits.MinTpeInitialSamples)
        {
            e.Add("samples", $"Bayesian refinement needs its budget of points to evaluate: more than {SweepLimits.MinTpeInitialSamples} and at most {cap:N0}.");
            return 0;
        }
        if (samples > cap)
        {
            e.Add("samples", $"{samples:N0} points requested; Bayesian refinement evaluates at most {cap:N0} per sweep (use random search for more).");
            ok = false;
        }
        else if (dimensionsKnown && gridCount > 0 && samples > gridCount)
        {
            e.Add("samples", $"The parameters have only {gridCount.ToString("N0", CultureInfo.InvariantCulture)} distinct combinations, fewer than the budget of {samples:N0}: lower the budget or use grid search.");
            ok = false;
        }
        if (definition.InitialSamples is not { } initial || initial < SweepLimits.MinTpeInitialSamples || initial >= samples)
        {
            e.Add("initial_samples", $"The initial random batch must be at least {SweepLimits.MinTpeInitialSamples} points and smaller than the budget of {samples:N0}.");
            ok = false;
        }
        if (definition.BatchSize is not { } batch || batch < 1 || batch > SweepLimits.MaxTpeBatchSize)
        {
            e.Add("batch_size", $"Points proposed per batch must be between 1 and {SweepLimits.MaxTpeBatchSize}.");
            ok = false;
        }
        return ok ? samples : 0;
    }

    /// <summary>Checks one dimension and returns its number of grid values (1 for a random range without step).</summary>
    private static double CheckDimension(SweepDimension d, SweepTarget target, SweepSearch search, string at, ValidationErrors e)
    {
        var limits = target.Limits;
        if (d.Values is { } values)
        {
            if (d.Min is not null || d.Max is not null || d.Step is not null)
                e.Add(at, "Give either a list of values or a range (min, max, step), not both.");
            if (values.Count == 0)
            {
                e.Add(at + ".values", $"The list of values for {limits.Label} is empty.");
                return 0;
            }
            foreach (var v in values)
                foreach (var problem in limits.Check(v))
                    e.Add(at + ".values", problem);
            if (values.Distinct().Count() != values.Count)
                e.Add(at + ".values", $"The list for {limits.Label} repeats a value.");
            return values.Count;
        }

        if (d.Min is not { } min || d.Max is not { } max)
        {
            e.Add(at, $"Give {limits.Label} a list of values or a range with min and max.");
            return 0;
        }
        var ok = true;
        foreach (var problem in limits.Check(min)) { e.Add(at + ".min", problem); ok = false; }
        foreach (var problem in limits.Check(max)) { e.Add(at + ".max", problem); ok = false; }
        if (min > max)
        {
            e.Add(at + ".max", $"The range of {limits.Label} is empty: max {StrategyParameter.F(max)} is below min {StrategyParameter.F(min)}.");
            return 0;
        }
        if (d.Step is { } step)
        {
            if (step <= 0)
            {
                e.Add(at + ".step", $"The step of {limits.Label} must be greater than 0.");
                return 0;
            }
            if (limits.Kind == ParameterKind.Integer && step != decimal.Truncate(step))
                e.Add(at + ".step", $"{limits.Label} is a whole number; its step must be one too.");
            return ok ? d.GridCount() : 0;
        }
        if (search == SweepSearch.Grid)
        {
            e.Add(at + ".step", $"Grid search needs a step for the range of {limits.Label}.");
            return 0;
        }
        if (search == SweepSearch.Tpe)
        {
            e.Add(at + ".step", $"Bayesian refinement proposes grid values: give the range of {limits.Label} a step.");
            return 0;
        }
        return 1;
    }
}

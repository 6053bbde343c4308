using System.Text.Json;
using AlgoTrade.Core.Backtesting;
using AlgoTrade.Core.Strategies;
using AlgoTrade.Core.Strategies.Rules;
using AlgoTrade.Core.Trading;

namespace AlgoTrade.Core.Sweeps;

/// <summary>
/// The numbers of a config a sweep may vary, with their limits: the risk settings below, the strategy's declared
/// parameters, and for <c>rules</c> every numeric leaf of the rule document (indicator parameters, shifts,
/// <c>over</c> and number operands). Limits are the same the strategy, rule and risk validators enforce.
/// </summary>
public static class SweepTargets
{
    public const string StopLoss = "stop_loss_perc";
    public const string TakeProfit = "take_profit_perc";
    public const string TrailingStop = "trailing_stop_perc";
    public const string PositionSize = "position_size_perc";

    public static IReadOnlyList<StrategyParameter> Risk { get; } =
    [
        new(StopLoss, "Stop-loss %", "Sell when the price falls this far below the entry.", ParameterKind.Decimal, 2, 0, 100, MinExclusive: true, MaxExclusive: true),
        new(TakeProfit, "Take-profit %", "Sell when the price rises this far above the entry.", ParameterKind.Decimal, 4, 0, RiskSettingsValidator.MaxProfitPercent, MinExclusive: true),
        new(TrailingStop, "Trailing stop %", "Sell when the price falls this far below its high since entry; sweeping it turns the trailing stop on.",
            ParameterKind.Decimal, 1, 0, 100, MinExclusive: true, MaxExclusive: true),
        new(PositionSize, "Position size % of cash", "Cash spent per entry; sweeping it replaces a fixed position size.", ParameterKind.Decimal, 100, 0, 100, MinExclusive: true),
    ];

    private static readonly StrategyParameter ShiftLimits = new("shift", "Shift (candles back)", "Read the operand this many candles back.", ParameterKind.Integer, 0, 0, RuleLimits.MaxShift);
    private static readonly StrategyParameter OverLimits = new("over", "Over (candles)", "Candles a rising/falling comparison looks back.", ParameterKind.Integer, 1, RuleLimits.MinOver, RuleLimits.MaxOver);
    private static readonly StrategyParameter NumberLimits = new("number", "Number", "A constant compared with a price or an indicator.", ParameterKind.Decimal, 0, -RuleLimits.MaxNumber, RuleLimits.MaxNumber);

    /// <summary>Every target of <paramref name="config"/>: risk first, then the strategy's (none when the strategy type is unknown).</summary>
    public static IReadOnlyList<SweepTarget> For(BacktestConfig config)
    {
        var targets = new List<SweepTarget>
        {
            new(StopLoss, Risk[0], config.Risk.StopLossPerc),
            new(TakeProfit, Risk[1], config.Risk.TakeProfitPerc),
            new(TrailingStop, Risk[2], config.Risk.TrailingStopPerc),
            new(PositionSize, Risk[3], config.Risk.PositionSizePerc),
        };
        if (!StrategyRegistry.TryGet(config.StrategyType, out var definition)) return targets;
        if (definition.TakesRuleDocument)
        {
            if (config.StrategyParams.ValueKind == JsonValueKind.Object)
                foreach (var key in new[] { "entry", "exit" })
                    if (config.StrategyParams.TryGetProperty(key, out var node))
                        RuleNode(node, key, targets);
            return targets;
        }
        foreach (var p in definition.Parameters)
        {
            decimal? current = config.StrategyParams.ValueKind == JsonValueKind.Object
                && config.StrategyParams.TryGetProperty(p.Name, out var v) && v.TryGetDecimal(out var d) ? d : p.Default;
            targets.Add(new SweepTarget(SweepTarget.StrategyPrefix + p.Name, p, current));
        }
        return targets;
    }

    private static void RuleNode(JsonElement json, string path, List<SweepTarget> targets)
    {
        if (json.ValueKind != JsonValueKind.Object) return;
        foreach (var group in new[] { "all", "any" })
            if (json.TryGetProperty(group, out var items) && items.ValueKind == JsonValueKind.Array)
            {
                var i = 0;
                foreach (var item in items.EnumerateArray()) RuleNode(item, $"{path}.{group}[{i++}]", targets);
                return;
            }
        if (json.TryGetProperty("not", out var inner))
        {
            RuleNode(inner, path + ".not", targets);
            return;
        }
        if (json.TryGetProperty("left", out var left)) Operand(left, path + ".left", targets);
        if (json.TryGetProperty("right", out var right)) Operand(right, path + ".right", targets);
        if (json.TryGetProperty("over", out var over) && over.TryGetDecimal(out var o))
            targets.Add(Rule(path + ".over", OverLimits, o));
    }

    private static void Operand(JsonElement json, string path, List<SweepTarget> targets)
    {
        if (json.ValueKind == JsonValueKind.Number && json.TryGetDecimal(out var number))
        {
            targets.Add(Rule(path, NumberLimits, number));
            return;
        }
        if (json.ValueKind != JsonValueKind.Object) return;
        if (json.TryGetProperty("ind", out var ind) && ind.ValueKind == JsonValueKind.String && RuleIndicators.TryGet(ind.GetString(), out var indicator))
            foreach (var p in indicator.Parameters)
            {
                var current = json.TryGetProperty(p.Name, out var v) && v.TryGetDecimal(out var d) ? d : p.Default;
                targets.Add(Rule(path + "." + p.Name, p with { Label = $"{indicator.Label} {p.Label.ToLowerInvariant()}" }, current));
            }
        if (json.TryGetProperty("shift", out var shift) && shift.TryGetDecimal(out var s))
            targets.Add(Rule(path + ".shift", ShiftLimits, s));
    }

    private static SweepTarget Rule(string path, StrategyParameter limits, decimal current) =>
        new(SweepTarget.StrategyPrefix + path, limits, current);
}

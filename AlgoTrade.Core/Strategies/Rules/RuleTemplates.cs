using System.Text.Json;

namespace AlgoTrade.Core.Strategies.Rules;

/// <summary>
/// Each built-in strategy written as a rule document that signals on exactly the same candles (tested fill for fill),
/// as a starting point for traders' own rules.
/// </summary>
public static class RuleTemplates
{
    public static IReadOnlyList<string> Names { get; } =
        [EmaCrossRsiStrategy.TypeName, RsiMeanReversionStrategy.TypeName, MacdCrossStrategy.TypeName, BollingerReversionStrategy.TypeName];

    /// <summary>The document equivalent to built-in <paramref name="strategyType"/> with validated parameters.</summary>
    public static RuleDocument For(string strategyType, StrategyParameters p) => strategyType switch
    {
        EmaCrossRsiStrategy.TypeName => EmaCrossRsi(p.Int("ema_fast"), p.Int("ema_slow"), p.Int("rsi_period"), p["rsi_overbought"]),
        RsiMeanReversionStrategy.TypeName => RsiMeanReversion(p.Int("rsi_period"), p["rsi_oversold"], p["rsi_overbought"]),
        MacdCrossStrategy.TypeName => MacdCross(p.Int("macd_fast"), p.Int("macd_slow"), p.Int("macd_signal")),
        BollingerReversionStrategy.TypeName => BollingerReversion(p.Int("bb_period"), p["bb_std_dev"]),
        _ => throw new ArgumentException($"No rule template for '{strategyType}'; templates: {string.Join(", ", Names)}.", nameof(strategyType)),
    };

    /// <summary>Validates <paramref name="parameters"/> with the built-in's own rules, then builds its document.</summary>
    public static RuleReadResult TryFor(string strategyType, JsonElement parameters)
    {
        if (!Names.Contains(strategyType) || !StrategyRegistry.TryGet(strategyType, out var definition))
            return new RuleReadResult(null, new Dictionary<string, string[]>
            {
                ["strategy_type"] = [$"No template named '{strategyType}'; templates: {string.Join(", ", Names)}."],
            });
        var validated = definition.Validate(parameters);
        return validated.IsValid
            ? new RuleReadResult(For(strategyType, validated.Parameters!), new Dictionary<string, string[]>())
            : new RuleReadResult(null, validated.Errors);
    }

    public static RuleDocument EmaCrossRsi(int fast, int slow, int rsiPeriod, decimal overbought)
    {
        var emaFast = Ema(fast);
        var emaSlow = Ema(slow);
        var rsi = Rsi(rsiPeriod);
        return new RuleDocument(RuleDocument.CurrentVersion,
            new RuleGroup(RuleGroupKind.All,
            [
                new RuleComparison(emaFast, RuleOperator.CrossesAbove, emaSlow),
                new RuleComparison(rsi, RuleOperator.LessThan, new NumberOperand(overbought)),
            ]),
            new RuleGroup(RuleGroupKind.Any,
            [
                new RuleComparison(emaFast, RuleOperator.CrossesBelow, emaSlow),
                new RuleComparison(rsi, RuleOperator.GreaterThan, new NumberOperand(overbought)),
            ]));
    }

    public static RuleDocument RsiMeanReversion(int period, decimal oversold, decimal overbought) =>
        new(RuleDocument.CurrentVersion,
            new RuleComparison(Rsi(period), RuleOperator.CrossesAbove, new NumberOperand(oversold)),
            new RuleComparison(Rsi(period), RuleOperator.CrossesAbove, new NumberOperand(overbought)));

    public static RuleDocument MacdCross(int fast, int slow, int signal)
    {
        var parameters = new Dictionary<string, decimal> { ["fast"] = fast, ["slow"] = slow, ["signal"] = signal };
        var line = new IndicatorOperand(RuleIndicators.Macd.Name, parameters, "line");
        var signalLine = new IndicatorOperand(RuleIndicators.Macd.Name, parameters, "signal");
        return new RuleDocument(RuleDocument.CurrentVersion,
            new RuleComparison(line, RuleOperator.CrossesAbove, signalLine),
            new RuleComparison(line, RuleOperator.CrossesBelow, signalLine));
    }

    /// <summary>close[t−1] &lt; lower[t−1] and close[t] &gt; lower[t] (strict on both candles, unlike crosses_above); exit at the middle band.</summary>
    public static RuleDocument BollingerReversion(int period, decimal standardDeviations)
    {
        var parameters = new Dictionary<string, decimal> { ["period"] = period, ["std_dev"] = standardDeviations };
        IndicatorOperand Band(string output, int shift = 0) => new(RuleIndicators.Bollinger.Name, parameters, output, PriceField.Close, shift);
        return new RuleDocument(RuleDocument.CurrentVersion,
            new RuleGroup(RuleGroupKind.All,
            [
                new RuleComparison(new PriceOperand(PriceField.Close, 1), RuleOperator.LessThan, Band("lower", 1)),
                new RuleComparison(new PriceOperand(PriceField.Close), RuleOperator.GreaterThan, Band("lower")),
            ]),
            new RuleComparison(new PriceOperand(PriceField.Close), RuleOperator.GreaterOrEqual, Band("middle")));
    }

    private static IndicatorOperand Ema(int period) =>
        new(RuleIndicators.Ema.Name, new Dictionary<string, decimal> { ["period"] = period }, "value");

    private static IndicatorOperand Rsi(int period) =>
        new(RuleIndicators.Rsi.Name, new Dictionary<string, decimal> { ["period"] = period }, "value");
}

using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using AlgoTrade.Core.Strategies.Rules;

namespace AlgoTrade.Core.Strategies;

/// <summary>Maps <c>bot_configs.strategy_type</c> to its definition; the only place strategies are listed.</summary>
public static class StrategyRegistry
{
    private static readonly StrategyParameter RsiPeriod = new(
        "rsi_period", "RSI period", "Candles in Wilder's RSI average. Shorter reacts faster and crosses its thresholds more often.",
        ParameterKind.Integer, 14, 2, 500);

    public static StrategyDefinition EmaCrossRsi { get; } = new(
        EmaCrossRsiStrategy.TypeName,
        "EMA cross + RSI filter",
        "Buys when the fast EMA crosses above the slow EMA while RSI is below the overbought level; sells when the fast EMA crosses back below, or when RSI rises above overbought.",
        [
            new("ema_fast", "Fast EMA period", "Candles in the fast exponential moving average. Must be smaller than the slow period.",
                ParameterKind.Integer, 12, 2, 500),
            new("ema_slow", "Slow EMA period", "Candles in the slow exponential moving average. Must be larger than the fast period.",
                ParameterKind.Integer, 26, 3, 1000),
            RsiPeriod,
            new("rsi_overbought", "RSI overbought level", "No entry while RSI is at or above this level, and an open position is sold when RSI rises above it.",
                ParameterKind.Decimal, 70, 50, 100, MinExclusive: true, MaxExclusive: true),
        ],
        [new(["ema_fast", "ema_slow"], "Fast EMA period must be smaller than the slow EMA period.", p => p.Int("ema_fast") < p.Int("ema_slow"))],
        p => new EmaCrossRsiStrategy(p.Int("ema_fast"), p.Int("ema_slow"), p.Int("rsi_period"), p.Double("rsi_overbought")).WarmUpPeriod,
        p => new EmaCrossRsiStrategy(p.Int("ema_fast"), p.Int("ema_slow"), p.Int("rsi_period"), p.Double("rsi_overbought")),
        p => [Plot(RuleIndicators.Ema, "value", ("period", p["ema_fast"])), Plot(RuleIndicators.Ema, "value", ("period", p["ema_slow"])),
            Plot(RuleIndicators.Rsi, "value", ("period", p["rsi_period"]))]);

    public static StrategyDefinition RsiMeanReversion { get; } = new(
        RsiMeanReversionStrategy.TypeName,
        "RSI mean reversion",
        "Buys when RSI crosses up through the oversold level (the sell-off is fading); sells when RSI crosses up through the overbought level.",
        [
            RsiPeriod,
            new("rsi_oversold", "RSI oversold level", "Entry when RSI rises from at or below this level to above it.",
                ParameterKind.Decimal, 30, 0, 100, MinExclusive: true, MaxExclusive: true),
            new("rsi_overbought", "RSI overbought level", "Exit when RSI rises from at or below this level to above it.",
                ParameterKind.Decimal, 70, 0, 100, MinExclusive: true, MaxExclusive: true),
        ],
        [new(["rsi_oversold", "rsi_overbought"], "RSI oversold level must be below the overbought level.", p => p["rsi_oversold"] < p["rsi_overbought"])],
        p => new RsiMeanReversionStrategy(p.Int("rsi_period"), p.Double("rsi_oversold"), p.Double("rsi_overbought")).WarmUpPeriod,
        p => new RsiMeanReversionStrategy(p.Int("rsi_period"), p.Double("rsi_oversold"), p.Double("rsi_overbought")),
        p => [Plot(RuleIndicators.Rsi, "value", ("period", p["rsi_period"]))]);

    public static StrategyDefinition MacdCross { get; } = new(
        MacdCrossStrategy.TypeName,
        "MACD cross",
        "Buys when the MACD line (fast EMA − slow EMA) crosses above its signal line; sells when it crosses below.",
        [
            new("macd_fast", "MACD fast period", "Candles in the fast EMA of the MACD line. Must be smaller than the slow period.",
                ParameterKind.Integer, 12, 2, 500),
            new("macd_slow", "MACD slow period", "Candles in the slow EMA of the MACD line. Must be larger than the fast period.",
                ParameterKind.Integer, 26, 3, 1000),
            new("macd_signal", "Signal period", "Candles in the EMA of the MACD line that forms the signal line.",
                ParameterKind.Integer, 9, 2, 500),
        ],
        [new(["macd_fast", "macd_slow"], "MACD fast period must be smaller than the slow period.", p => p.Int("macd_fast") < p.Int("macd_slow"))],
        p => new MacdCrossStrategy(p.Int("macd_fast"), p.Int("macd_slow"), p.Int("macd_signal")).WarmUpPeriod,
        p => new MacdCrossStrategy(p.Int("macd_fast"), p.Int("macd_slow"), p.Int("macd_signal")),
        p => [.. new[] { "line", "signal" }.Select(output => Plot(RuleIndicators.Macd, output,
            ("fast", p["macd_fast"]), ("slow", p["macd_slow"]), ("signal", p["macd_signal"])))]);

    public static StrategyDefinition BollingerReversion { get; } = new(
        BollingerReversionStrategy.TypeName,
        "Bollinger band reversion",
        "Buys when the close crosses back above the lower Bollinger band after closing below it; sells when the close reaches the middle band (the moving average).",
        [
            new("bb_period", "Band period", "Candles in the moving average and standard deviation of the bands.",
                ParameterKind.Integer, 20, 2, 500),
            new("bb_std_dev", "Band width (standard deviations)", "Distance of the upper and lower bands from the middle, in population standard deviations.",
                ParameterKind.Decimal, 2, 0.1m, 10),
        ],
        [],
        p => new BollingerReversionStrategy(p.Int("bb_period"), p.Double("bb_std_dev")).WarmUpPeriod,
        p => new BollingerReversionStrategy(p.Int("bb_period"), p.Double("bb_std_dev")),
        p => [.. new[] { "upper", "middle", "lower" }.Select(output => Plot(RuleIndicators.Bollinger, output,
            ("period", p["bb_period"]), ("std_dev", p["bb_std_dev"])))]);

    public static StrategyDefinition Rules { get; } = new(
        RuleStrategy.TypeName,
        "Custom rules",
        "Your own entry and exit conditions over prices and indicators, combined with all/any/not groups (docs/strategies.md).",
        json =>
        {
            var read = RuleDocumentReader.Read(json);
            return read.IsValid
                ? new StrategyValidationResult(new StrategyParameters(read.Document!), read.Errors)
                : new StrategyValidationResult(null, read.Errors);
        },
        p => RuleCompiler.WarmUpPeriod(p.Rules!),
        p => RuleCompiler.Compile(p.Rules!),
        p => RuleCompiler.Plots(p.Rules!));

    private static RulePlot Plot(RuleIndicator indicator, string output, params (string Name, decimal Value)[] parameters) =>
        RulePlot.Of(indicator, parameters.ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal), output);

    /// <summary>The four coded strategies with parameter forms.</summary>
    public static IReadOnlyList<StrategyDefinition> BuiltIn { get; } = [EmaCrossRsi, RsiMeanReversion, MacdCross, BollingerReversion];

    public static IReadOnlyList<StrategyDefinition> All { get; } = [.. BuiltIn, Rules];

    public static bool TryGet(string? strategyType, [NotNullWhen(true)] out StrategyDefinition? definition)
    {
        definition = All.FirstOrDefault(d => d.Type == strategyType);
        return definition is not null;
    }

    public static StrategyDefinition Get(string strategyType) =>
        TryGet(strategyType, out var d)
            ? d
            : throw new ArgumentException($"Unknown strategy type '{strategyType}'. Known: {string.Join(", ", All.Select(s => s.Type))}.", nameof(strategyType));

    /// <summary>Builds a strategy from stored <c>strategy_params</c>; throws when they are invalid.</summary>
    public static IStrategy Create(string strategyType, JsonElement strategyParams)
    {
        var definition = Get(strategyType);
        var result = definition.Validate(strategyParams);
        if (!result.IsValid)
            throw new ArgumentException($"Invalid strategy_params for {strategyType}: {string.Join(" ", Validation.ValidationErrors.Describe(result.Errors))}", nameof(strategyParams));
        return definition.Create(result.Parameters!);
    }
}

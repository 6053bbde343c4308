using System.Diagnostics.CodeAnalysis;
using AlgoTrade.Core.Strategies.Rules.Feeds;
using static AlgoTrade.Core.Strategies.Rules.RuleIndicator;

namespace AlgoTrade.Core.Strategies.Rules;

/// <summary>Every indicator a rule document may use; the only list of them (validator, compiler, UI, CLI, docs).</summary>
public static class RuleIndicators
{
    private static readonly RuleIndicatorOutput[] Value = [new("value", "value", OnPrice: true)];
    private static readonly RuleIndicatorOutput[] Oscillator = [new("value", "value", OnPrice: false)];

    private static StrategyParameter Period(int @default, int max = 500, string help = "Candles in the indicator's window.") =>
        new("period", "Period", help, ParameterKind.Integer, @default, 2, max);

    public static RuleIndicator Sma { get; } = new(
        "sma", "SMA", "Simple moving average", "Mean of the last N values of the source.",
        [Period(20, 1000)], Value, takesSource: true,
        (p, s) => new SmaFeed(Int(p, "period"), s));

    public static RuleIndicator Ema { get; } = new(
        "ema", "EMA", "Exponential moving average",
        "TA-Lib's EMA: seeded with the SMA of the first N values, then weighted by 2/(N+1).",
        [Period(20, 1000)], Value, takesSource: true,
        (p, s) => new EmaFeed(Int(p, "period"), s));

    public static RuleIndicator Rsi { get; } = new(
        "rsi", "RSI", "Relative strength index",
        "Wilder's RSI from 0 to 100; the first value needs N+1 candles.",
        [Period(14, help: "Candles in Wilder's average of gains and losses.")], Oscillator, takesSource: true,
        (p, s) => new RsiFeed(Int(p, "period"), s));

    public static RuleIndicator Macd { get; } = new(
        "macd", "MACD", "Moving average convergence divergence",
        "Line = EMA(fast) − EMA(slow), signal = EMA(signal) of the line, histogram = line − signal.",
        [
            new("fast", "Fast period", "Candles in the fast EMA; smaller than the slow period.", ParameterKind.Integer, 12, 2, 500),
            new("slow", "Slow period", "Candles in the slow EMA; larger than the fast period.", ParameterKind.Integer, 26, 3, 1000),
            new("signal", "Signal period", "Candles in the EMA of the line that forms the signal line.", ParameterKind.Integer, 9, 2, 500),
        ],
        [new("line", "line", false), new("signal", "signal", false), new("histogram", "histogram", false)],
        takesSource: true,
        (p, s) => new MacdFeed(Int(p, "fast"), Int(p, "slow"), Int(p, "signal"), s),
        [new(["fast", "slow"], "Fast period must be smaller than the slow period.", p => p.Int("fast") < p.Int("slow"))]);

    public static RuleIndicator Bollinger { get; } = new(
        "bollinger", "BB", "Bollinger bands",
        "Middle = SMA(N), upper/lower = middle ± k population standard deviations; bandwidth = (upper − lower)/middle, %B = (source − lower)/(upper − lower).",
        [
            Period(20),
            new("std_dev", "Standard deviations", "Distance of the bands from the middle, in population standard deviations.", ParameterKind.Decimal, 2, 0.1m, 10),
        ],
        [
            new("upper", "upper band", true), new("middle", "middle band", true), new("lower", "lower band", true),
            new("bandwidth", "bandwidth", false), new("percent_b", "%B", false),
        ],
        takesSource: true,
        (p, s) => new BollingerFeed(Int(p, "period"), Double(p, "std_dev"), s));

    public static RuleIndicator Atr { get; } = new(
        "atr", "ATR", "Average true range",
        "Wilder's average of the true range (high, low and previous close), in price units.",
        [Period(14, help: "Candles in Wilder's average of the true range.")], Oscillator, takesSource: false,
        (p, _) => new AtrFeed(Int(p, "period")));

    public static IReadOnlyList<RuleIndicator> All { get; } = [Sma, Ema, Rsi, Macd, Bollinger, Atr];

    public static bool TryGet(string? name, [NotNullWhen(true)] out RuleIndicator? indicator)
    {
        indicator = All.FirstOrDefault(i => i.Name == name);
        return indicator is not null;
    }

    public static RuleIndicator Get(string name) =>
        TryGet(name, out var i) ? i : throw new ArgumentException($"Unknown indicator '{name}'.", nameof(name));
}

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

    public static RuleIndicator Wma { get; } = new(
        "wma", "WMA", "Weighted moving average",
        "TA-Lib's WMA: weights 1…N from the oldest to the newest value.",
        [Period(20, 1000)], Value, takesSource: true,
        (p, s) => new WmaFeed(Int(p, "period"), s));

    public static RuleIndicator Hma { get; } = new(
        "hma", "HMA", "Hull moving average",
        "WMA(2·WMA(N/2) − WMA(N), √N): a moving average with little lag; first value after N + √N − 1 candles.",
        [Period(20)], Value, takesSource: true,
        (p, s) => new HmaFeed(Int(p, "period"), s));

    public static RuleIndicator Vwap { get; } = new(
        "vwap", "VWAP", "Rolling volume-weighted average price",
        "Σ(typical price · volume)/Σ volume over the last N candles (no session reset: crypto trades around the clock).",
        [new("period", "Period", "Candles in the rolling window.", ParameterKind.Integer, 20, 1, 1000)], Value, takesSource: false,
        (p, _) => new VwapFeed(Int(p, "period")));

    public static RuleIndicator Donchian { get; } = new(
        "donchian", "Donchian", "Donchian channel",
        "Highest high and lowest low of the last N candles, the current one included; compare the close with the channel one candle back for a breakout.",
        [Period(20)],
        [new("upper", "upper band", true), new("middle", "middle", true), new("lower", "lower band", true)],
        takesSource: false,
        (p, _) => new DonchianFeed(Int(p, "period")));

    public static RuleIndicator Keltner { get; } = new(
        "keltner", "Keltner", "Keltner channel",
        "Middle = EMA of the close, upper/lower = middle ± multiplier · ATR.",
        [
            new("ema_period", "EMA period", "Candles in the EMA of the close that forms the middle line.", ParameterKind.Integer, 20, 2, 500),
            new("atr_period", "ATR period", "Candles in Wilder's average true range.", ParameterKind.Integer, 10, 2, 500),
            new("multiplier", "ATR multiplier", "Distance of the bands from the middle, in ATRs.", ParameterKind.Decimal, 2, 0.1m, 10),
        ],
        [new("upper", "upper band", true), new("middle", "middle", true), new("lower", "lower band", true)],
        takesSource: false,
        (p, _) => new KeltnerFeed(Int(p, "ema_period"), Int(p, "atr_period"), Double(p, "multiplier")));

    public static RuleIndicator Supertrend { get; } = new(
        "supertrend", "Supertrend", "Supertrend",
        "A line that trails the price at multiplier · ATR and flips sides when the close crosses it; direction is +1 in an uptrend, −1 in a downtrend.",
        [
            new("atr_period", "ATR period", "Candles in Wilder's average true range.", ParameterKind.Integer, 10, 2, 500),
            new("multiplier", "ATR multiplier", "Distance of the line from the middle of the candle, in ATRs.", ParameterKind.Decimal, 3, 0.1m, 20),
        ],
        [new("value", "line", true), new("direction", "direction", false)],
        takesSource: false,
        (p, _) => new SupertrendFeed(Int(p, "atr_period"), Double(p, "multiplier")));

    public static RuleIndicator Stochastic { get; } = new(
        "stochastic", "Stoch", "Stochastic oscillator",
        "%K = 100 · (close − lowest low)/(highest high − lowest low) over N candles, smoothed by an SMA; %D = SMA of %K. From 0 to 100.",
        [
            new("k_period", "%K period", "Candles in the high-low range.", ParameterKind.Integer, 14, 1, 500),
            new("slowing", "%K smoothing", "Candles in the SMA of raw %K (1 = fast stochastic).", ParameterKind.Integer, 3, 1, 100),
            new("d_period", "%D period", "Candles in the SMA of %K that forms %D.", ParameterKind.Integer, 3, 1, 100),
        ],
        [new("k", "%K", false), new("d", "%D", false)],
        takesSource: false,
        (p, _) => new StochasticFeed(Int(p, "k_period"), Int(p, "slowing"), Int(p, "d_period")));

    public static RuleIndicator StochasticRsi { get; } = new(
        "stoch_rsi", "StochRSI", "Stochastic RSI",
        "The stochastic of RSI values, from 0 to 100; %K smoothing 1 is TA-Lib's STOCHRSI, 3 TradingView's.",
        [
            new("rsi_period", "RSI period", "Candles in Wilder's RSI.", ParameterKind.Integer, 14, 2, 500),
            new("stoch_period", "Stochastic period", "RSI values in the high-low range.", ParameterKind.Integer, 14, 1, 500),
            new("k_smoothing", "%K smoothing", "Values in the SMA of raw %K.", ParameterKind.Integer, 3, 1, 100),
            new("d_period", "%D period", "Values in the SMA of %K that forms %D.", ParameterKind.Integer, 3, 1, 100),
        ],
        [new("k", "%K", false), new("d", "%D", false)],
        takesSource: true,
        (p, s) => new StochasticRsiFeed(Int(p, "rsi_period"), Int(p, "stoch_period"), Int(p, "k_smoothing"), Int(p, "d_period"), s));

    public static RuleIndicator Adx { get; } = new(
        "adx", "ADX", "Average directional index",
        "Wilder's trend strength from 0 to 100 (TA-Lib), with the directional indicators +DI and −DI; ADX needs 2N candles.",
        [Period(14, help: "Candles in Wilder's smoothing of the directional movement.")],
        [new("adx", "ADX", false, Named: true), new("plus_di", "+DI", false, Named: true), new("minus_di", "−DI", false, Named: true)],
        takesSource: false,
        (p, _) => new AdxFeed(Int(p, "period")));

    public static RuleIndicator WilliamsR { get; } = new(
        "williams_r", "%R", "Williams %R",
        "−100 · (highest high − close)/(highest high − lowest low) over N candles: 0 at the high, −100 at the low.",
        [Period(14)], Oscillator, takesSource: false,
        (p, _) => new WilliamsRFeed(Int(p, "period")));

    public static RuleIndicator Cci { get; } = new(
        "cci", "CCI", "Commodity channel index",
        "(typical price − its SMA)/(0.015 · mean absolute deviation) over N candles (TA-Lib).",
        [Period(20)], Oscillator, takesSource: false,
        (p, _) => new CciFeed(Int(p, "period")));

    public static RuleIndicator Roc { get; } = new(
        "roc", "ROC", "Rate of change",
        "Percent change over N candles: (x[t]/x[t−N] − 1) · 100.",
        [new("period", "Period", "Candles back the change is measured from.", ParameterKind.Integer, 10, 1, 500)], Oscillator, takesSource: true,
        (p, s) => new RocFeed(Int(p, "period"), s));

    public static RuleIndicator Momentum { get; } = new(
        "momentum", "MOM", "Momentum",
        "Change over N candles in price units: x[t] − x[t−N].",
        [new("period", "Period", "Candles back the change is measured from.", ParameterKind.Integer, 10, 1, 500)], Oscillator, takesSource: true,
        (p, s) => new MomentumFeed(Int(p, "period"), s));

    public static RuleIndicator Obv { get; } = new(
        "obv", "OBV", "On-balance volume",
        "Running sum of volume, added on up closes and subtracted on down closes; compare it with its own past (rising, shift), not with a fixed number.",
        [], Oscillator, takesSource: false,
        (_, _) => new ObvFeed());

    public static IReadOnlyList<RuleIndicator> All { get; } =
        [Sma, Ema, Wma, Hma, Vwap, Bollinger, Donchian, Keltner, Supertrend, Rsi, Macd, Stochastic, StochasticRsi, Adx, WilliamsR, Cci, Roc, Momentum, Atr, Obv];

    public static bool TryGet(string? name, [NotNullWhen(true)] out RuleIndicator? indicator)
    {
        indicator = All.FirstOrDefault(i => i.Name == name);
        return indicator is not null;
    }

    public static RuleIndicator Get(string name) =>
        TryGet(name, out var i) ? i : throw new ArgumentException($"Unknown indicator '{name}'.", nameof(name));
}

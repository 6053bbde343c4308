using System.Text.Json;
using AlgoTrade.Core.Backtesting;
using AlgoTrade.Core.Market;
using AlgoTrade.Core.Strategies;
using AlgoTrade.Core.Strategies.Rules;
using AlgoTrade.Core.Trading;
using AlgoTrade.Tests.Core.Trading;

namespace AlgoTrade.Tests.Core.Strategies.Rules;

/// <summary>
/// Each built-in strategy and its rule template give the same signal on every candle and the same backtest, fill for
/// fill, over a long seeded series, for defaults and for non-default, long and short parameter sets.
/// </summary>
public class RuleTemplateParityTests
{
    private static readonly Lazy<Candle[]> Series = new(() =>
        SyntheticSeries.Generate(20260202, new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc), 42_000, 200_000).Candles);

    public static TheoryData<string, string> Cases => new()
    {
        { "ema_cross_rsi", "{}" },
        { "ema_cross_rsi", """{"ema_fast": 5, "ema_slow": 13, "rsi_period": 30, "rsi_overbought": 62.5}""" },
        { "ema_cross_rsi", """{"ema_fast": 50, "ema_slow": 400, "rsi_period": 3, "rsi_overbought": 95}""" },
        { "ema_cross_rsi", """{"ema_fast": 2, "ema_slow": 3, "rsi_period": 2, "rsi_overbought": 97.5}""" },
        { "rsi_mean_reversion", "{}" },
        { "rsi_mean_reversion", """{"rsi_period": 5, "rsi_oversold": 12.5, "rsi_overbought": 88}""" },
        { "rsi_mean_reversion", """{"rsi_period": 200, "rsi_oversold": 49.5, "rsi_overbought": 50.5}""" },
        { "macd_cross", "{}" },
        { "macd_cross", """{"macd_fast": 3, "macd_slow": 7, "macd_signal": 2}""" },
        { "macd_cross", """{"macd_fast": 100, "macd_slow": 900, "macd_signal": 300}""" },
        { "bollinger_reversion", "{}" },
        { "bollinger_reversion", """{"bb_period": 5, "bb_std_dev": 0.7}""" },
        { "bollinger_reversion", """{"bb_period": 300, "bb_std_dev": 3.3}""" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Template_signals_on_the_same_candles_as_the_built_in(string type, string parameters)
    {
        var (builtIn, rules) = Pair(type, parameters);
        Assert.Equal(builtIn.WarmUpPeriod, rules.WarmUpPeriod);
        var candles = Series.Value;
        int enters = 0, exits = 0;
        for (var i = 0; i < candles.Length; i++)
        {
            var expected = builtIn.OnCandle(in candles[i]);
            var actual = rules.OnCandle(in candles[i]);
            // The built-ins may say Exit during their warm-up, when the risk engine is flat and ignores it.
            if (i < builtIn.WarmUpPeriod - 1 && expected == Signal.Exit) expected = Signal.None;
            Assert.True(expected == actual, $"candle {i}: {type} says {expected}, its rules say {actual}");
            if (actual == Signal.Enter) enters++;
            if (actual == Signal.Exit) exits++;
        }
        Assert.True(enters >= 20 && exits >= 20, $"too few signals to compare: {enters} entries, {exits} exits");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Template_gives_the_same_backtest_fill_for_fill(string type, string parameters)
    {
        var template = RuleTemplates.TryFor(type, Json(parameters));
        Assert.True(template.IsValid);
        var rulesJson = JsonDocument.Parse(RuleDocumentWriter.ToJson(template.Document!)).RootElement;
        var builtIn = Backtester.Run(Config(type, Json(parameters)), Series.Value);
        var rules = Backtester.Run(Config(RuleStrategy.TypeName, rulesJson), Series.Value);

        Assert.True(builtIn.Trades.Count >= 20, $"{builtIn.Trades.Count} fills");
        Assert.Equal(builtIn.Trades.Count, rules.Trades.Count);
        for (var i = 0; i < builtIn.Trades.Count; i++)
            Assert.True(builtIn.Trades[i] == rules.Trades[i], $"fill {i}: {builtIn.Trades[i]} vs {rules.Trades[i]}");
        Assert.Equal(builtIn.Summary.FinalEquity, rules.Summary.FinalEquity);
    }

    [Fact]
    public void Every_template_reads_back_valid_and_describes_the_built_in()
    {
        foreach (var name in RuleTemplates.Names)
        {
            var document = RuleTemplates.TryFor(name, Json("{}")).Document!;
            var read = RuleDocumentReader.Read(RuleDocumentWriter.ToJson(document));
            Assert.True(read.IsValid);
            Assert.Equal(RuleDocumentWriter.ToJson(document), RuleDocumentWriter.ToJson(read.Document!));
        }
        Assert.Equal("Enter when EMA(12) crosses above EMA(26) and RSI(14) < 70. Exit when EMA(12) crosses below EMA(26) or RSI(14) > 70.",
            RuleDescriber.Describe(RuleTemplates.TryFor("ema_cross_rsi", Json("{}")).Document!));
        Assert.Equal("Enter when close 1 candle ago < BB(20, 2) lower band 1 candle ago and close > BB(20, 2) lower band. Exit when close ≥ BB(20, 2) middle band.",
            RuleDescriber.Describe(RuleTemplates.TryFor("bollinger_reversion", Json("{}")).Document!));

        var bad = RuleTemplates.TryFor("ema_cross_rsi", Json("""{"ema_fast": 40, "ema_slow": 20}"""));
        Assert.Contains("ema_fast", bad.Errors.Keys);
        Assert.Contains("strategy_type", RuleTemplates.TryFor("rules", Json("{}")).Errors.Keys);
    }

    private static (IStrategy BuiltIn, IStrategy Rules) Pair(string type, string parameters)
    {
        var builtIn = StrategyRegistry.Create(type, Json(parameters));
        var document = RuleTemplates.TryFor(type, Json(parameters)).Document!;
        return (builtIn, StrategyRegistry.Create(RuleStrategy.TypeName, RuleDocumentWriter.ToJsonDocument(document).RootElement));
    }

    private static BacktestConfig Config(string type, JsonElement parameters) => new()
    {
        Symbol = "BTCUSDT",
        Timeframe = "1m",
        StrategyType = type,
        StrategyParams = parameters,
        Risk = new RiskSettings
        {
            InitialCapital = 10_000,
            PositionSizePerc = 50,
            StopLossPerc = 1.5m,
            TakeProfitPerc = 3,
            TrailingStopActive = true,
            TrailingStopPerc = 0.8m,
            PartialTakeProfits = [new(1.2m, 0.5m)],
            FeeRate = 0.001m,
            SlippageBps = 2,
        },
    };

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement;
}

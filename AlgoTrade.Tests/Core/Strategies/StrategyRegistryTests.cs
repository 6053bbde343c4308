using System.Text.Json;
using AlgoTrade.Core.Strategies;

namespace AlgoTrade.Tests.Core.Strategies;

public class StrategyRegistryTests
{
    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement;

    [Fact]
    public void Lists_the_four_strategies_with_descriptive_parameters_and_custom_rules()
    {
        Assert.Equal(["ema_cross_rsi", "rsi_mean_reversion", "macd_cross", "bollinger_reversion"], StrategyRegistry.BuiltIn.Select(s => s.Type));
        Assert.Equal([.. StrategyRegistry.BuiltIn, StrategyRegistry.Rules], StrategyRegistry.All);
        Assert.True(StrategyRegistry.Rules.TakesRuleDocument);
        Assert.Empty(StrategyRegistry.Rules.Parameters);
        Assert.False(StrategyRegistry.Rules.Validate(Json("{}")).IsValid);
        foreach (var definition in StrategyRegistry.BuiltIn)
        {
            Assert.False(string.IsNullOrWhiteSpace(definition.Description));
            foreach (var p in definition.Parameters)
            {
                Assert.False(string.IsNullOrWhiteSpace(p.Label));
                Assert.False(string.IsNullOrWhiteSpace(p.Help));
                Assert.Empty(p.Check(p.Default));
            }
            Assert.True(definition.Validate(Json("{}")).IsValid);
        }
    }

    [Fact]
    public void Ema_cross_rsi_defaults_and_warm_up()
    {
        var definition = StrategyRegistry.Get("ema_cross_rsi");
        var result = definition.Validate(Json("{}"));
        Assert.Equal(12, result.Parameters!.Int("ema_fast"));
        Assert.Equal(26, result.Parameters.Int("ema_slow"));
        Assert.Equal(14, result.Parameters.Int("rsi_period"));
        Assert.Equal(70m, result.Parameters["rsi_overbought"]);
        Assert.Equal(27, definition.WarmUpPeriod(result.Parameters)); // slow EMA ready at 26, one more for t−1
        Assert.IsType<EmaCrossRsiStrategy>(definition.Create(result.Parameters));
    }

    [Fact]
    public void Validation_lists_every_problem_by_field()
    {
        var result = StrategyRegistry.Get("ema_cross_rsi").Validate(Json("""
            {"ema_fast": 2.5, "ema_slow": 1, "rsi_period": "14", "rsi_overbought": 100, "foo": 1}
            """));
        Assert.False(result.IsValid);
        Assert.Equal(["ema_fast", "ema_slow", "foo", "rsi_overbought", "rsi_period"], result.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Fast EMA period must be a whole number.", result.Errors["ema_fast"][0]);
        Assert.Equal("Slow EMA period must be at least 3 and at most 1000 (got 1).", result.Errors["ema_slow"][0]);
        Assert.Equal("RSI period must be a number.", result.Errors["rsi_period"][0]);
        Assert.Equal("RSI overbought level must be greater than 50 and less than 100 (got 100).", result.Errors["rsi_overbought"][0]);
    }

    [Fact]
    public void Cross_field_rules_are_checked_when_their_fields_are_valid()
    {
        var result = StrategyRegistry.Get("ema_cross_rsi").Validate(Json("""{"ema_fast": 30, "ema_slow": 20}"""));
        Assert.Equal(["Fast EMA period must be smaller than the slow EMA period."], result.Errors["ema_fast"]);
        var rsi = StrategyRegistry.Get("rsi_mean_reversion").Validate(Json("""{"rsi_oversold": 60, "rsi_overbought": 40}"""));
        Assert.Equal(["RSI oversold level must be below the overbought level."], rsi.Errors["rsi_oversold"]);
        var macd = StrategyRegistry.Get("macd_cross").Validate(Json("""{"macd_fast": 26, "macd_slow": 26}"""));
        Assert.Single(macd.Errors["macd_fast"]);
    }

    [Fact]
    public void Create_refuses_invalid_parameters_and_unknown_types()
    {
        Assert.Throws<ArgumentException>(() => StrategyRegistry.Create("ema_cross_rsi", Json("""{"ema_fast": 1}""")));
        Assert.Throws<ArgumentException>(() => StrategyRegistry.Create("nope", Json("{}")));
        Assert.False(StrategyRegistry.TryGet("nope", out _));
    }
}

using System.Globalization;
using System.Text;
using System.Text.Json;
using AlgoTrade.Core.Strategies.Rules;
using AlgoTrade.Tests.Infrastructure;

namespace AlgoTrade.Tests.Cli;

public sealed class StrategyCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("algotrade-strategies-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public async Task List_shows_every_strategy_its_parameters_and_every_indicator_rules_may_use()
    {
        var (code, output, error) = await CliRunner.RunAsync("strategies", "list");
        Assert.True(code == 0, error);
        foreach (var expected in new[] { "ema_cross_rsi — EMA cross + RSI filter", "bb_std_dev", "rules — Custom rules", "crosses_above", "hlc3" })
            Assert.Contains(expected, output);
        foreach (var indicator in RuleIndicators.All)
        {
            Assert.Contains($"  {indicator.Name} ", output);
            Assert.All(indicator.Outputs, o => Assert.Contains(o.Name, output));
        }
        Assert.Contains("out: adx, plus_di, minus_di (required)", output);

        var json = await CliRunner.RunAsync("strategies", "list", "--json");
        using var catalog = JsonDocument.Parse(json.Out);
        Assert.Equal(5, catalog.RootElement.GetProperty("strategies").GetArrayLength());
        var adx = catalog.RootElement.GetProperty("rules").GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("name").GetString() == "adx");
        Assert.Equal(14, adx.GetProperty("parameters")[0].GetProperty("default").GetInt32());
    }

    [Fact]
    public async Task Template_prints_the_rule_document_of_a_built_in_with_its_parameters()
    {
        var (code, output, error) = await CliRunner.RunAsync("strategies", "template", "macd_cross", "--params", """{"macd_fast": 8, "macd_signal": 5}""");
        Assert.True(code == 0, error);
        var read = RuleDocumentReader.Read(output);
        Assert.True(read.IsValid);
        Assert.Equal("Enter when MACD(8, 26, 5) line crosses above MACD(8, 26, 5) signal. Exit when MACD(8, 26, 5) line crosses below MACD(8, 26, 5) signal.",
            RuleDescriber.Describe(read.Document!));

        var bad = await CliRunner.RunAsync("strategies", "template", "macd_cross", "--params", """{"macd_fast": 30}""");
        Assert.Equal(2, bad.Code);
        Assert.Contains("macd_fast: MACD fast period must be smaller than the slow period.", bad.Err);
        Assert.Contains("No template named 'nope'", (await CliRunner.RunAsync("strategies", "template", "nope")).Err);
        Assert.Contains("--params is not valid JSON", (await CliRunner.RunAsync("strategies", "template", "macd_cross", "--params", "{")).Err);
        Assert.Contains("Name the built-in strategy", (await CliRunner.RunAsync("strategies", "template")).Err);
    }

    [Fact]
    public async Task Validate_lists_every_problem_with_its_path_or_summarises_a_valid_document()
    {
        var good = Write("good.json", """
            {"version": 1, "entry": {"all": [
              {"left": {"ind": "ema", "period": 12}, "op": "crosses_above", "right": {"ind": "ema", "period": 26}},
              {"left": {"ind": "rsi", "period": 14}, "op": "<", "right": 70},
              {"left": {"ind": "adx", "out": "adx"}, "op": ">", "right": 20}]}}
            """);
        var (code, output, error) = await CliRunner.RunAsync("strategies", "validate", "--file", good);
        Assert.True(code == 0, error);
        Assert.Contains("Valid rule document. Enter when EMA(12) crosses above EMA(26) and RSI(14) < 70 and ADX(14) > 20.", output);
        Assert.Contains("Warm-up 29 candles, 4 indicator instance(s).", output);

        var bad = Write("bad.json", """
            {"version": 1, "entry": {"all": [
              {"left": {"ind": "ema", "period": 12}, "op": "crosses_above", "right": {"ind": "ema", "period": 1}},
              {"left": {"ind": "stochastic", "out": "j"}, "op": "<", "right": 20}]}, "exit": {"left": "close", "op": "rising"}}
            """);
        var invalid = await CliRunner.RunAsync("strategies", "validate", "--file", bad);
        Assert.Equal(2, invalid.Code);
        Assert.Contains("entry.all[0].right.period: Period must be at least 2 and at most 1000 (got 1).", invalid.Err);
        Assert.Contains("entry.all[1].left.out: Stochastic oscillator has no output \"j\"; choose k, d.", invalid.Err);
        Assert.Contains("exit.over: Required", invalid.Err);

        var pair = Write("pair.json", """{"strategy_type": "rules", "strategy_params": {"version": 1, "entry": {"left": "close", "op": ">", "right": {"ind": "kama"}}}}""");
        var pairResult = await CliRunner.RunAsync("strategies", "validate", "--file", pair);
        Assert.Equal(2, pairResult.Code);
        Assert.Contains("strategy_params.entry.right.ind: Unknown indicator \"kama\"", pairResult.Err);
        var builtIn = Write("builtin.json", """{"strategy_type": "ema_cross_rsi", "strategy_params": {"ema_fast": 9}}""");
        Assert.Contains("Valid ema_cross_rsi (EMA cross + RSI filter), warm-up 27 candles.", (await CliRunner.RunAsync("strategies", "validate", "--file", builtIn)).Out);
    }

    [Fact]
    public async Task Backtest_config_accepts_rules_and_gives_the_built_ins_result()
    {
        var csv = Csv(6000);
        var template = (await CliRunner.RunAsync("strategies", "template", "ema_cross_rsi", "--params", """{"ema_fast": 5, "ema_slow": 15}""")).Out;
        string Config(string type, string parameters) => $$"""
            {"symbol": "BTCUSDT", "timeframe": "1m", "strategy_type": "{{type}}", "strategy_params": {{parameters}},
             "initial_capital": 1000, "position_size_perc": 100, "stop_loss_perc": 0.5, "take_profit_perc": 1}
            """;
        var builtIn = await CliRunner.RunAsync("backtest", "--config", Write("builtin.json", Config("ema_cross_rsi", """{"ema_fast": 5, "ema_slow": 15}""")), "--data", csv, "--json");
        var rules = await CliRunner.RunAsync("backtest", "--config", Write("rules.json", Config("rules", template)), "--data", csv, "--json");
        Assert.True(rules.Code == 0, rules.Err);
        using var a = JsonDocument.Parse(builtIn.Out);
        using var b = JsonDocument.Parse(rules.Out);
        Assert.True(a.RootElement.GetProperty("trades").GetArrayLength() > 10);
        Assert.Equal(a.RootElement.GetProperty("trades").GetRawText(), b.RootElement.GetProperty("trades").GetRawText());

        var bad = await CliRunner.RunAsync("backtest", "--config", Write("bad.json", Config("rules", """{"version": 1, "entry": {"left": {"ind": "rsi", "period": 600}, "op": "<", "right": 30}}""")), "--data", csv);
        Assert.Equal(2, bad.Code);
        Assert.Contains("strategy_params.entry.left.period: Period must be at least 2 and at most 500 (got 600).", bad.Err);
        var notObject = await CliRunner.RunAsync("backtest", "--config", Write("bad2.json", Config("rules", "{}")), "--data", csv);
        Assert.Contains("strategy_params.version: Required", notObject.Err);
    }

    [Fact]
    public async Task Bots_validate_checks_a_rules_bot_with_the_same_validator()
    {
        string Bot(string parameters) => $$"""
            {"name": "rules bot", "symbol": "BTCUSDT", "timeframe": "15m", "exchange_name": "simulated", "strategy_type": "rules",
             "strategy_params": {{parameters}}, "initial_capital": 1000, "position_size_perc": 25, "stop_loss_perc": 2}
            """;
        var ok = await CliRunner.RunAsync("bots", "validate", "--file", Write("bot.json", Bot("""{"version": 1, "entry": {"left": {"ind": "supertrend", "out": "direction"}, "op": "crosses_above", "right": 0}}""")));
        Assert.True(ok.Code == 0, ok.Err);
        Assert.Contains("with rules", ok.Out);
        var bad = await CliRunner.RunAsync("bots", "validate", "--file", Write("bad-bot.json", Bot("""{"version": 1, "entry": {"any": [{"left": "close", "op": ">", "right": {"ind": "keltner", "multiplier": 50, "out": "upper"}}]}}""")));
        Assert.Equal(2, bad.Code);
        Assert.Contains("strategy_params.entry.any[0].right.multiplier: ATR multiplier must be at least 0.1 and at most 10 (got 50).", bad.Err);
    }

    private string Csv(int rows)
    {
        var text = new StringBuilder("datetime,open,high,low,close,volume\n");
        var random = new Random(9);
        var price = 42000.0;
        for (var i = 0; i < rows; i++)
        {
            var open = price;
            var close = open * (1 + (random.NextDouble() - 0.5) * 0.004);
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"{new DateTime(2025, 1, 1).AddMinutes(i):yyyy-MM-dd HH:mm:ss},{open:0.00},{Math.Max(open, close) * 1.0005:0.00},{Math.Min(open, close) * 0.9995:0.00},{close:0.00},{1 + random.NextDouble():0.000}"));
            price = close;
        }
        return Write("candles.csv", text.ToString());
    }
}

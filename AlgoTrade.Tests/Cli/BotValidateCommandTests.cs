using AlgoTrade.Tests.Infrastructure;

namespace AlgoTrade.Tests.Cli;

public class BotValidateCommandTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"bot-{Guid.NewGuid():N}.json");

    public void Dispose() => File.Delete(_file);

    private async Task<(int Code, string Out, string Err)> ValidateAsync(string json, params string[] extra)
    {
        await File.WriteAllTextAsync(_file, json);
        return await CliRunner.RunAsync(["bots", "validate", "--file", _file, .. extra]);
    }

    [Fact]
    public async Task A_valid_bot_passes_and_its_symbol_is_checked_against_the_offline_simulated_exchange()
    {
        const string bot = """
            {"name": "BTC scalper", "symbol": "BTCUSDT", "timeframe": "15m", "exchange_name": "simulated",
             "strategy_type": "ema_cross_rsi", "strategy_params": {"ema_fast": 9, "ema_slow": 21},
             "initial_capital": 1000, "position_size_perc": 25, "stop_loss_perc": 2, "take_profit_perc": 5,
             "trailing_stop_active": true, "trailing_stop_perc": 1.5, "check_interval_seconds": 30,
             "partial_take_profits_config": [{"percentage": 2, "ratio": 0.5}]}
            """;
        var (code, output, error) = await ValidateAsync(bot, "--check-symbol");
        Assert.True(code == 0, error);
        Assert.Equal("Valid: BTC scalper trades BTCUSDT 15m on simulated with ema_cross_rsi.", output.Trim());

        var unknownSymbol = await ValidateAsync(bot.Replace("BTCUSDT", "FOOBAR", StringComparison.Ordinal), "--check-symbol");
        Assert.Equal(2, unknownSymbol.Code);
        Assert.Contains("symbol: FOOBAR is not a trading symbol on Simulated market.", unknownSymbol.Err);
    }

    [Fact]
    public async Task Every_problem_is_listed_by_field_with_the_same_messages_as_the_form()
    {
        var (code, _, error) = await ValidateAsync("""
            {"name": "", "symbol": "BTCUSDT", "timeframe": "7m", "exchange_name": "kraken", "strategy_type": "ema_cross_rsi",
             "strategy_params": {"ema_fast": 30, "ema_slow": 20}, "initial_capital": "lots", "position_size_perc": 25,
             "position_size_fixed": 100, "check_interval_seconds": 2, "colour": "blue"}
            """);

        Assert.Equal(2, code);
        foreach (var expected in new[]
        {
            "name: Give the bot a name.",
            "timeframe: Choose a timeframe:",
            "exchange_name: Choose one of: binance, binance_testnet, paper, simulated.",
            "check_interval_seconds: The check interval must be between 5 and 86400 seconds (got 2).",
            "strategy_params.ema_fast:",
            "initial_capital: Must be a number.",
            "position_size_fixed: Set the position size either as a percentage of cash or as a fixed quote amount, not both.",
            "colour: Unknown field.",
        })
            Assert.Contains(expected, error);
    }

    [Fact]
    public async Task Malformed_json_and_a_missing_file_fail_with_a_clear_message()
    {
        Assert.Contains("config: Not valid JSON", (await ValidateAsync("{ not json")).Err);

        var (code, _, error) = await CliRunner.RunAsync("bots", "validate", "--file", "/nonexistent/bot.json");
        Assert.Equal(2, code);
        Assert.Contains("No such file: /nonexistent/bot.json", error);
    }
}

using System.Globalization;
using System.Text;
using AlgoTrade.Tests.Infrastructure;

namespace AlgoTrade.Tests.Cli;

/// <summary>
/// The shipped algotrade (Native AOT, docs/backtesting.md#speed) against the in-process CLI: backtest prints the same
/// bytes, and every other command is handed to the managed CLI with its output and exit code.
/// </summary>
[Collection(PublishedCliCollection.Name)]
public sealed class PublishedCliTests(PublishedCliFixture cli) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("algotrade-published-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>
    /// Binance klines, large enough (about 11 MB) for the two-thread parse, with two holes that the run reports on
    /// standard error.
    /// </summary>
    private string BinanceCsv(int rows)
    {
        var text = new StringBuilder();
        var random = new Random(11);
        var price = 42000.0;
        var t0 = 1735689600000L;
        for (var i = 0; i < rows; i++)
        {
            var open = price;
            var close = open * (1 + (random.NextDouble() - 0.5) * 0.004);
            price = close;
            if (i is 5000 or >= 70000 and < 70003) continue;
            var time = t0 + i * 60_000L;
            text.Append(CultureInfo.InvariantCulture,
                $"{time},{open:0.00},{Math.Max(open, close) * 1.0005:0.00},{Math.Min(open, close) * 0.9995:0.00},{close:0.00},1.5,{time + 59_999},63000.1,120,0.7,29400.2,0\n");
        }
        return Write("klines.csv", text.ToString());
    }

    private string Config(string extra = "", string name = "cfg.json") => Write(name, $$"""
        {"symbol":"BTCUSDT","timeframe":"1m","strategy_type":"ema_cross_rsi","strategy_params":{"ema_fast":12,"ema_slow":26},
         "initial_capital":10000,"position_size_perc":50,"stop_loss_perc":1,"take_profit_perc":2,"trailing_stop_perc":0.5,
         "trailing_stop_active":true,"partial_take_profits_config":[{"percentage":1,"ratio":0.5}]{{extra}}}
        """);

    [Fact]
    public async Task Backtest_prints_the_same_bytes_as_the_in_process_cli()
    {
        string[] args = ["backtest", "--config", Config(), "--data", BinanceCsv(100_000), "--json"];

        var expected = await CliRunner.RunAsync(args);
        var actual = await cli.RunCliAsync(args);

        Assert.True(expected.Code == 0, expected.Err);
        Assert.Contains("4 missing candle(s)", expected.Err);
        Assert.Equal(expected.Code, actual.Code);
        Assert.Equal(expected.Err, actual.Err);
        Assert.True(Encoding.UTF8.GetBytes(expected.Out).AsSpan().SequenceEqual(actual.Out),
            $"The native backtest --json differs: {actual.Out.Length} bytes against {Encoding.UTF8.GetByteCount(expected.Out)}.");

        // The summary table too, less its last line (the parse and backtest times).
        var summary = await cli.RunCliAsync(args[..^1]);
        var expectedSummary = await CliRunner.RunAsync(args[..^1]);
        static string WithoutTimes(string text) => text[..text.LastIndexOf("Parsed ", StringComparison.Ordinal)];
        Assert.Equal(0, summary.Code);
        Assert.Equal(WithoutTimes(expectedSummary.Out), WithoutTimes(Encoding.UTF8.GetString(summary.Out)));
    }

    [Fact]
    public async Task Backtest_rejects_bad_input_like_the_in_process_cli()
    {
        var data = BinanceCsv(300);
        string[][] cases =
        [
            ["backtest", "--config", Config(",\"fee_rate\":-1,\"initial_capital\":0", "bad.json"), "--data", data],
            ["backtest", "--config", Config(), "--data", Path.Combine(_dir, "missing.csv")],
            ["backtest", "--config", Config(), "--data", Write("bad.csv", "1735689600000,1,2,0.5,x,1,1735689659999,0,0,0,0,0\n")],
            ["backtest", "--config", Config(), "--data", data, "--jsn"],
            ["backtest", "--config"],
        ];
        foreach (var args in cases)
        {
            var expected = await CliRunner.RunAsync(args);
            var actual = await cli.RunCliAsync(args);
            Assert.Equal(2, expected.Code);
            Assert.Equal((expected.Code, expected.Out, expected.Err), (actual.Code, Encoding.UTF8.GetString(actual.Out), actual.Err));
        }
    }

    [Fact]
    public async Task Every_other_command_is_handed_to_the_managed_cli()
    {
        await using var database = await TestDatabase.CreateFreshAsync();

        var migrate = await cli.RunCliAsync("db", "migrate", "--connection", database.ConnectionString);
        Assert.True(migrate.Code == 0, migrate.Err);
        Assert.StartsWith("Applied ", Encoding.UTF8.GetString(migrate.Out));
        var again = await CliRunner.RunAsync("db", "migrate", "--connection", database.ConnectionString);
        Assert.Equal((0, "Database is up to date." + Environment.NewLine), (again.Code, again.Out));

        foreach (string[] args in (string[][])[["strategies", "template", "ema_cross_rsi"], ["nonsense"], [], ["backtest", "--help"]])
        {
            var expected = await CliRunner.RunAsync(args);
            var actual = await cli.RunCliAsync(args);
            Assert.Equal((expected.Code, expected.Out, expected.Err), (actual.Code, Encoding.UTF8.GetString(actual.Out), actual.Err));
        }
    }
}

using System.Globalization;
using System.Text;
using System.Text.Json;
using AlgoTrade.Tests.Infrastructure;

namespace AlgoTrade.Tests.Core.Cli;

public sealed class BacktestCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("algotrade-bt-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>Binance's kline CSV: 12 columns, no header, open time in ms (µs for the second half, as since 2025).</summary>
    private string BinanceCsv(int rows)
    {
        var text = new StringBuilder();
        var random = new Random(5);
        var price = 42000.0;
        var t0 = 1735689600000L;
        for (var i = 0; i < rows; i++)
        {
            var open = price;
            var close = open * (1 + (random.NextDouble() - 0.5) * 0.004);
            var high = Math.Max(open, close) * 1.0005;
            var low = Math.Min(open, close) * 0.9995;
            var time = t0 + i * 60_000L;
            var stamp = i < rows / 2 ? time : time * 1000;
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"{stamp},{open:0.00},{high:0.00},{low:0.00},{close:0.00},1.5,{stamp + 59_999},63000.1,120,0.7,29400.2,0"));
            price = close;
        }
        return Write("klines.csv", text.ToString());
    }

    private string ConfigFile(string extra = "") => Write("cfg.json", $$"""
        {"symbol":"BTCUSDT","timeframe":"1m","strategy_type":"ema_cross_rsi","strategy_params":{"ema_fast":5,"ema_slow":15},
         "initial_capital":1000,"position_size_perc":100,"stop_loss_perc":0.5,"take_profit_perc":1{{extra}}}
        """);

    [Fact]
    public async Task Prints_a_summary_table()
    {
        var (code, output, error) = await CliRunner.RunAsync("backtest", "--config", ConfigFile(), "--data", BinanceCsv(3000));
        Assert.True(code == 0, error);
        Assert.Contains("Total return", output);
        Assert.Contains("Buy & hold return", output);
        Assert.Contains("3,000 candles", output);
    }

    [Fact]
    public async Task Prints_results_json_with_json_flag()
    {
        var (code, output, error) = await CliRunner.RunAsync("backtest", "--config", ConfigFile(), "--data", BinanceCsv(3000), "--json");
        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        var summary = json.RootElement.GetProperty("summary");
        Assert.Equal(3000, summary.GetProperty("candles").GetInt32());
        Assert.Equal(1000, summary.GetProperty("initial_equity").GetDouble());
        Assert.Equal(summary.GetProperty("number_of_fills").GetInt32(), json.RootElement.GetProperty("trades").GetArrayLength());
    }

    [Fact]
    public async Task Missing_rows_of_the_csv_are_listed_in_the_json_as_gaps_and_not_filled()
    {
        var csv = new StringBuilder("datetime,open,high,low,close,volume\n");
        var start = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < 600; i++)
        {
            // Minutes 100-104 and 300 are not in the file.
            if (i is >= 100 and <= 104 or 300) continue;
            var open = 100 + i % 9 * 0.5;
            csv.Append(CultureInfo.InvariantCulture, $"{start.AddMinutes(i):yyyy-MM-dd HH:mm:ss},{open},{open + 1},{open - 1},{open + 0.25},3\n");
        }
        var data = Write("holes.csv", csv.ToString());

        var (code, output, error) = await CliRunner.RunAsync("backtest", "--config", ConfigFile(), "--data", data, "--json");

        Assert.True(code == 0, error);
        Assert.Contains("6 missing candle(s)", error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(594, json.RootElement.GetProperty("summary").GetProperty("candles").GetInt32());
        var gaps = json.RootElement.GetProperty("data_gaps");
        Assert.Equal(600, gaps.GetProperty("expected_candles").GetInt64());
        Assert.Equal(6, gaps.GetProperty("missing_candles").GetInt64());
        Assert.Equal(2, gaps.GetProperty("gap_count").GetInt32());
        Assert.Equal(1.0, gaps.GetProperty("missing_pct").GetDouble(), 9);
        Assert.Equal(
            [("2025-01-01T01:40:00Z", "2025-01-01T01:45:00Z", 5L), ("2025-01-01T05:00:00Z", "2025-01-01T05:01:00Z", 1L)],
            gaps.GetProperty("gaps").EnumerateArray().Select(g => (g.GetProperty("from").GetString(), g.GetProperty("to").GetString(), g.GetProperty("candles").GetInt64())));

        // Within the configured period only: from minute 200 on, the one missing minute is 300.
        var (_, later, _) = await CliRunner.RunAsync("backtest", "--config", ConfigFile(",\"start\":\"2025-01-01T03:20:00Z\""), "--data", data, "--json");
        using var laterJson = JsonDocument.Parse(later);
        Assert.Equal(1, laterJson.RootElement.GetProperty("data_gaps").GetProperty("missing_candles").GetInt64());
        Assert.Equal(400, laterJson.RootElement.GetProperty("data_gaps").GetProperty("expected_candles").GetInt64());
    }

    [Fact]
    public async Task A_csv_without_holes_has_no_gaps_in_the_json()
    {
        var (code, output, error) = await CliRunner.RunAsync("backtest", "--config", ConfigFile(), "--data", BinanceCsv(500), "--json");
        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        Assert.False(json.RootElement.TryGetProperty("data_gaps", out _));
    }

    [Fact]
    public async Task Invalid_config_fails_listing_every_field()
    {
        var config = Write("bad.json", """
            {"symbol":"BTCUSDT","timeframe":"1m","strategy_type":"ema_cross_rsi","strategy_params":{"ema_fast":99},
             "initial_capital":1000,"position_size_perc":100,"fee_rate":-1}
            """);
        var (code, _, error) = await CliRunner.RunAsync("backtest", "--config", config, "--data", BinanceCsv(10));
        Assert.Equal(2, code);
        Assert.Contains("fee_rate: Fee rate is a fraction of notional", error);
        Assert.Contains("strategy_params.ema_fast: Fast EMA period must be smaller than the slow EMA period.", error);
    }

    [Fact]
    public async Task Bad_rows_fail_with_their_line_numbers()
    {
        var csv = Write("bad.csv", "datetime,open,high,low,close,volume\n2025-01-01 00:00:00,1,1,1,1,1\n2025-01-01 00:01:00,1,x,1,1,1\n");
        var (code, _, error) = await CliRunner.RunAsync("backtest", "--config", ConfigFile(), "--data", csv);
        Assert.Equal(2, code);
        Assert.Contains("line 3: high 'x' is not a number", error);
    }

    [Fact]
    public async Task Missing_files_and_options_are_clear_errors()
    {
        Assert.Contains("Missing required option --data", (await CliRunner.RunAsync("backtest", "--config", "x.json")).Err);
        var (code, _, error) = await CliRunner.RunAsync("backtest", "--config", Path.Combine(_dir, "none.json"), "--data", "x.csv");
        Assert.Equal(2, code);
        Assert.Contains("Config file not found", error);
    }
}

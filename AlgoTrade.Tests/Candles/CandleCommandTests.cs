using System.Globalization;
using AlgoTrade.Core.Market;
using AlgoTrade.Tests.Exchanges.Fakes;
using AlgoTrade.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlgoTrade.Tests.Candles;

public sealed class CandleCommandTests : IAsyncLifetime
{
    private static readonly DateTime Start = new(2025, 4, 1, 0, 0, 0, DateTimeKind.Utc);
    private readonly string _dir = Directory.CreateTempSubdirectory("candle-cli-").FullName;
    private string _connection = "";

    public async Task InitializeAsync() => _connection = await TestDatabase.SharedAsync();

    public Task DisposeAsync()
    {
        Directory.Delete(_dir, recursive: true);
        return Task.CompletedTask;
    }

    private string WriteCsv(string name, IEnumerable<string> lines)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllLines(path, lines);
        return path;
    }

    private static IEnumerable<string> DatetimeCsv(int count, int skipFrom = -1, int skipTo = -1)
    {
        yield return "datetime,open,high,low,close,volume";
        foreach (var c in CandleStoreTests.Series(Start, Timeframe.M15, count))
            if (!(c.OpenTime >= Start.AddMinutes(15 * skipFrom) && c.OpenTime < Start.AddMinutes(15 * skipTo)))
                yield return string.Create(CultureInfo.InvariantCulture, $"{c.OpenTime:yyyy-MM-dd HH:mm:ss},{c.Open},{c.High},{c.Low},{c.Close},{c.Volume}");
    }

    private static IEnumerable<string> BinanceCsv(int count) =>
        CandleStoreTests.Series(Start, Timeframe.H1, count).Select(c => string.Create(CultureInfo.InvariantCulture,
            $"{new DateTimeOffset(c.OpenTime).ToUnixTimeMilliseconds()},{c.Open},{c.High},{c.Low},{c.Close},{c.Volume},{new DateTimeOffset(c.OpenTime).ToUnixTimeMilliseconds() + 3_599_999},1,1,1,1,0"));

    private async Task<long> StoredAsync(string symbol)
    {
        await using var db = TestDatabase.CreateContext(_connection);
        return await db.Candles.LongCountAsync(c => c.Symbol == symbol);
    }

    [Fact]
    public async Task Import_stores_both_csv_formats_once_and_list_shows_coverage_and_gaps()
    {
        var symbol = CandleStoreTests.NewSymbol("imp");
        var csv = WriteCsv("a.csv", DatetimeCsv(200, skipFrom: 50, skipTo: 53));

        var first = await CliRunner.RunAsync("candles", "import", "--file", csv, "--exchange", "binance", "--symbol", symbol.ToLowerInvariant(), "--timeframe", "15m", "--connection", _connection);
        Assert.True(first.Code == 0, first.Err);
        Assert.Contains($"binance {symbol} 15m: 197 candle(s) inserted, 0 already present (197 rows read).", first.Out);
        Assert.Contains("warning: line 52: gap: 3 missing 15m candle(s) between 2025-04-01T12:15:00Z and 2025-04-01T13:15:00Z", first.Err);

        var again = await CliRunner.RunAsync("candles", "import", "--file", csv, "--exchange", "binance", "--symbol", symbol, "--timeframe", "15m", "--connection", _connection);
        Assert.Equal(0, again.Code);
        Assert.Contains("0 candle(s) inserted, 197 already present", again.Out);
        Assert.Equal(197, await StoredAsync(symbol));

        var binance = WriteCsv("b.csv", BinanceCsv(48));
        var hourly = await CliRunner.RunAsync("candles", "import", "--file", binance, "--exchange", "paper", "--symbol", symbol, "--timeframe", "1h", "--connection", _connection);
        Assert.True(hourly.Code == 0, hourly.Err);
        Assert.Contains($"binance {symbol} 1h: 48 candle(s) inserted", hourly.Out);

        var list = await CliRunner.RunAsync("candles", "list", "--connection", _connection);
        Assert.Equal(0, list.Code);
        var lines = list.Out.Split('\n').Select(l => l.TrimEnd()).ToList();
        var row = lines.FindIndex(l => l.StartsWith($"binance {symbol} 15m", StringComparison.Ordinal));
        Assert.True(row >= 0, list.Out);
        Assert.Matches(@"\s197\s+2025-04-01 00:00\s+2025-04-03 02:00\s+1\s+3$", lines[row]);
        Assert.Equal("  gap: 2025-04-01 12:30 to 2025-04-01 13:15 UTC (3 candle(s) missing)", lines[row + 1]);
        Assert.Contains(lines, l => l.StartsWith($"binance {symbol} 1h", StringComparison.Ordinal) && l.Contains("  48 ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_file_with_bad_rows_lists_each_with_its_line_and_saves_nothing()
    {
        var symbol = CandleStoreTests.NewSymbol("bad");
        var lines = DatetimeCsv(100).ToList();
        lines[10] = "2025-04-01 02:15:00,abc,1,1,1,1";
        lines[20] = "2025-04-01 04:45:00,10,9,11,10,1";
        var csv = WriteCsv("bad.csv", lines);

        var result = await CliRunner.RunAsync("candles", "import", "--file", csv, "--exchange", "binance", "--symbol", symbol, "--timeframe", "15m", "--connection", _connection);

        Assert.Equal(2, result.Code);
        Assert.Contains("has 2 bad row(s); nothing was saved", result.Err);
        Assert.Contains("line 11: open 'abc' is not a number", result.Err);
        Assert.Contains("line 21: high 9 is below low 11", result.Err);
        Assert.Equal(0, await StoredAsync(symbol));
    }

    [Fact]
    public async Task Unknown_timeframe_exchange_or_symbol_is_refused_before_anything_is_read()
    {
        var csv = WriteCsv("ok.csv", DatetimeCsv(10));
        var tf = await CliRunner.RunAsync("candles", "import", "--file", csv, "--exchange", "binance", "--symbol", "BTCUSDT", "--timeframe", "7m", "--connection", _connection);
        Assert.Equal(2, tf.Code);
        Assert.Contains("Unknown timeframe '7m'. Use one of: 1m 3m 5m", tf.Err);

        var ex = await CliRunner.RunAsync("candles", "import", "--file", csv, "--exchange", "simulated", "--symbol", "BTCUSDT", "--timeframe", "15m", "--connection", _connection);
        Assert.Equal(2, ex.Code);
        Assert.Contains("Unknown exchange 'simulated'", ex.Err);

        var sym = await CliRunner.RunAsync("candles", "import", "--file", csv, "--exchange", "binance", "--symbol", "BTC/USDT", "--timeframe", "15m", "--connection", _connection);
        Assert.Equal(2, sym.Code);
        Assert.Contains("Symbol 'BTC/USDT' is not a symbol like BTCUSDT", sym.Err);
    }

    [Fact]
    public async Task Download_fetches_only_what_is_missing_and_a_period_without_data_saves_nothing()
    {
        await using var binance = await FakeBinanceServer.StartAsync();
        var symbol = CandleStoreTests.NewSymbol("dl");
        binance.Prices[symbol] = 100m;
        string[] Args(string from, string to) =>
            ["candles", "download", "--symbol", symbol, "--timeframe", "1m", "--from", from, "--to", to, "--base-url", binance.BaseUrl, "--connection", _connection];

        var first = await CliRunner.RunAsync(Args("2025-05-01", "2025-05-01T20:00:00Z"));
        Assert.True(first.Code == 0, first.Err);
        Assert.Contains($"binance {symbol} 1m: 1,200 candle(s) downloaded in 2 request(s); 1,200 stored", first.Out);

        // The whole day: only 20:00-24:00 is missing.
        var day = await CliRunner.RunAsync(Args("2025-05-01", "2025-05-01"));
        Assert.True(day.Code == 0, day.Err);
        Assert.Contains("240 candle(s) downloaded in 1 request(s); 1,440 stored from 2025-05-01 00:00 to 2025-05-02 00:00 UTC", day.Out);
        Assert.Equal(3, binance.CountRequests("/api/v3/klines"));

        binance.KlineMissing = (_, open) => open.Year == 2024;
        var empty = await CliRunner.RunAsync(Args("2024-02-01", "2024-02-01"));
        Assert.Equal(1, empty.Code);
        Assert.Contains($"binance has no closed {symbol} 1m candles from 2024-02-01 00:00 to 2024-02-02 00:00 UTC; nothing was saved.", empty.Err);
        Assert.Equal(1440, await StoredAsync(symbol));
    }
}

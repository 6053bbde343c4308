using AlgoTrade.Tests.Infrastructure;
using AlgoTrade.Tests.Exchanges.Fakes;

namespace AlgoTrade.Tests.Exchanges;

public class ExchangeCliTests : IAsyncLifetime
{
    private FakeBinanceServer _server = default!;

    public async Task InitializeAsync()
    {
        _server = await FakeBinanceServer.StartAsync();
        _server.AddAccount(ExchangeTestHost.ApiKey, ExchangeTestHost.Secret, usdt: 321.5m, btc: 0.5m);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Ping_reports_latency_and_server_time()
    {
        var (code, output, _) = await CliRunner.RunAsync("exchange", "ping", "--base-url", _server.BaseUrl);
        Assert.Equal(0, code);
        Assert.Contains($"pong from {_server.BaseUrl}", output, StringComparison.Ordinal);
        Assert.Contains("binance server time", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Symbols_and_klines()
    {
        var symbols = await CliRunner.RunAsync("exchange", "symbols", "--base-url", _server.BaseUrl);
        Assert.Equal(0, symbols.Code);
        Assert.Contains("BTCUSDT        TRADING    BTC      USDT     0.01", symbols.Out, StringComparison.Ordinal);

        var klines = await CliRunner.RunAsync("exchange", "klines", "--symbol", "btcusdt", "--timeframe", "1h", "--limit", "3", "--base-url", _server.BaseUrl);
        Assert.Equal(0, klines.Code);
        Assert.Equal(4, klines.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task Account_prints_balances_and_key_restrictions()
    {
        var (code, output, err) = await CliRunner.RunAsync("exchange", "account", "--api-key", ExchangeTestHost.ApiKey, "--api-secret", ExchangeTestHost.Secret, "--base-url", _server.BaseUrl);
        Assert.True(code == 0, err);
        Assert.Contains("321.5", output, StringComparison.Ordinal);
        Assert.Contains("key restricted to IPs: no", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Account_with_a_wrong_secret_fails_with_the_typed_error_and_no_secret()
    {
        var (code, _, err) = await CliRunner.RunAsync("exchange", "account", "--api-key", ExchangeTestHost.ApiKey, "--api-secret", "not-the-secret-123", "--base-url", _server.BaseUrl);
        Assert.Equal(1, code);
        Assert.Contains("InvalidApiKey -1022", err, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-secret-123", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulated_exchange_works_offline()
    {
        var symbols = await CliRunner.RunAsync("exchange", "symbols", "--exchange", "simulated");
        Assert.Equal(0, symbols.Code);
        Assert.Contains("ETHUSDT", symbols.Out, StringComparison.Ordinal);
        var klines = await CliRunner.RunAsync("exchange", "klines", "--exchange", "simulated", "--symbol", "ETHUSDT", "--timeframe", "15m", "--limit", "5");
        Assert.Equal(0, klines.Code);
        Assert.Equal(6, klines.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Theory]
    [InlineData("exchange", "klines", "--symbol", "BTCUSDT", "--timeframe", "7m", "--exchange", "simulated")]
    [InlineData("exchange", "ping", "--exchange", "kraken")]
    [InlineData("exchange", "account", "--exchange", "simulated", "--api-key", "k", "--api-secret", "s")]
    [InlineData("exchange", "ping", "--exchange", "simulated", "--bogus", "1")]
    public async Task Bad_input_exits_with_2(params string[] args)
    {
        var (code, _, err) = await CliRunner.RunAsync(args);
        Assert.Equal(2, code);
        Assert.StartsWith("error: ", err, StringComparison.Ordinal);
    }
}

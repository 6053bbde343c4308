using AlgoTrade.Core.Exchanges;
using AlgoTrade.Tests.Exchanges.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace AlgoTrade.Tests.Exchanges.Binance;

public class BinanceMarketDataTests : IAsyncLifetime
{
    private FakeBinanceServer _server = default!;
    private ServiceProvider _services = default!;

    public async Task InitializeAsync()
    {
        _server = await FakeBinanceServer.StartAsync();
        _server.AddAccount(ExchangeTestHost.ApiKey, ExchangeTestHost.Secret, usdt: 1234.5m, btc: 0.25m);
        _services = ExchangeTestHost.Build(_server);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Ping_and_server_time()
    {
        var client = ExchangeTestHost.Client(_services);
        Assert.True((await client.ExchangeData.PingAsync()).Success);
        var time = await client.GetServerTimeAsync();
        Assert.True(time.Success);
        Assert.InRange(time.Data, DateTime.UtcNow.AddSeconds(-5), DateTime.UtcNow.AddSeconds(5));
    }

    [Fact]
    public async Task Exchange_info_is_parsed_and_cached_across_clients()
    {
        var btc = await ExchangeTestHost.Client(_services).GetSymbolAsync("btcusdt");
        var eth = await ExchangeTestHost.Client(_services).GetSymbolAsync("ETHUSDT");

        Assert.True(btc.Success);
        Assert.Equal(new SymbolInfo("BTCUSDT", "TRADING", "BTC", "USDT", 0.01m, 0.00001m, 0.00001m, 9000m, 5m), btc.Data);
        Assert.Equal(0.0001m, eth.Data!.StepSize);
        Assert.Equal(1, _server.CountRequests("/api/v3/exchangeInfo"));

        var unknown = await ExchangeTestHost.Client(_services).GetSymbolAsync("NOPEUSDT");
        Assert.Equal(ExchangeErrorKind.BadSymbol, unknown.Error!.Kind);
    }

    [Fact]
    public async Task Recent_klines_are_closed_ones_only()
    {
        var result = await ExchangeTestHost.Client(_services).GetClosedKlinesAsync("BTCUSDT", "1m", limit: 10);

        Assert.True(result.Success);
        Assert.Equal(10, result.Data.Count);
        var now = DateTime.UtcNow;
        Assert.All(result.Data, k => Assert.True(k.CloseTime < now));
        Assert.Equal(KlineIntervals.OpenTimeOf("1m", now).AddMinutes(-1), result.Data[^1].OpenTime);
        Assert.Equal(FakeBinanceServer.FakeKlinePrice(result.Data[0].OpenTime), result.Data[0].Open);
    }

    [Fact]
    public async Task Ranges_longer_than_1000_klines_are_paged()
    {
        var start = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var result = await ExchangeTestHost.Client(_services).GetClosedKlinesAsync("BTCUSDT", "1m", limit: 2500, startTime: start);

        Assert.True(result.Success);
        Assert.Equal(2500, result.Data.Count);
        Assert.Equal(3, _server.CountRequests("/api/v3/klines"));
        Assert.Equal(start, result.Data[0].OpenTime);
        for (var i = 1; i < result.Data.Count; i++)
            Assert.Equal(result.Data[i - 1].OpenTime.AddMinutes(1), result.Data[i].OpenTime);
    }

    [Fact]
    public async Task Last_price_and_balances()
    {
        var client = ExchangeTestHost.Client(_services);
        Assert.Equal(60_000m, (await client.GetLastPriceAsync("BTCUSDT")).Data);

        var balances = await client.GetBalancesAsync();
        Assert.True(balances.Success, balances.Error?.ToString());
        Assert.Equal(1234.5m, balances.Data.Single(b => b.Asset == "USDT").Free);
        Assert.Equal(0.25m, balances.Data.Single(b => b.Asset == "BTC").Free);
    }

    [Fact]
    public async Task A_wrong_secret_fails_the_signature_check_as_invalid_key()
    {
        var client = ExchangeTestHost.Client(_services, new ExchangeCredentials(ExchangeTestHost.ApiKey, "wrong-secret-0000000000000000"));
        var result = await client.GetBalancesAsync();
        Assert.Equal(ExchangeErrorKind.InvalidApiKey, result.Error!.Kind);
        Assert.Equal(-1022, result.Error.Code);
    }

    [Fact]
    public async Task An_unknown_key_is_invalid()
    {
        var client = ExchangeTestHost.Client(_services, new ExchangeCredentials("unknownkey000000000000", ExchangeTestHost.Secret));
        var result = await client.GetBalancesAsync();
        Assert.Equal(ExchangeErrorKind.InvalidApiKey, result.Error!.Kind);
        Assert.Equal(-2015, result.Error.Code);
        Assert.False(result.Error.IsTransient);
    }

    [Fact]
    public async Task Key_restrictions_are_read()
    {
        _server.Restrictions[ExchangeTestHost.ApiKey] = (true, false);
        var result = await ExchangeTestHost.Client(_services).Account.GetApiKeyRestrictionsAsync();
        Assert.True(result.Success);
        Assert.True(result.Data.IpRestricted);
        Assert.False(result.Data.CanWithdraw);
    }

    [Fact]
    public async Task A_server_clock_ahead_is_learned_before_signing()
    {
        _server.ClockOffset = TimeSpan.FromSeconds(30);
        var result = await ExchangeTestHost.Client(_services).GetBalancesAsync();
        Assert.True(result.Success, result.Error?.ToString());
    }
}

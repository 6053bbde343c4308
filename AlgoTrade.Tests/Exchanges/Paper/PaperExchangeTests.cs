using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Exchanges;
using AlgoTrade.Core.Trading;
using AlgoTrade.Tests.Exchanges.Fakes;
using AlgoTrade.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AlgoTrade.Tests.Exchanges.Paper;

/// <summary>The paper exchange: public prices from (fake) Binance, fills and balances of our own.</summary>
public class PaperExchangeTests : IAsyncLifetime
{
    private FakeBinanceServer _server = default!;
    private ServiceProvider _services = default!;

    public async Task InitializeAsync()
    {
        _server = await FakeBinanceServer.StartAsync();
        _services = CoreServices.Build(await TestDatabase.SharedAsync(), settings: ExchangeTestHost.Settings(_server));
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _server.DisposeAsync();
    }

    private IExchangeClient Exchange(int botId) =>
        _services.GetRequiredService<IExchangeClientFactory>().Create(ExchangeNames.Paper, botId: botId);

    private static Balance Asset(IReadOnlyList<Balance> balances, string asset) => balances.Single(b => b.Asset == asset);

    [Fact]
    public async Task Market_buy_fills_at_the_last_price_worsened_by_slippage()
    {
        var bot = await TestBots.CreateAsync(ExchangeNames.Paper, initialCapital: 1000m);
        var result = await Exchange(bot.Id).PlaceOrderAsync(OrderRequest.Market("BTCUSDT", OrderSide.Buy, 0.01m, "p-buy"));

        Assert.True(result.Success, result.Error?.ToString());
        Assert.Equal(new OrderFill(60_030m, 0.01m, 0.6003m, "USDT"), Assert.Single(result.Data.Fills));
        var balances = (await Exchange(bot.Id).GetBalancesAsync()).Data!;
        Assert.Equal(1000m - 600.3m - 0.6003m, Asset(balances, "USDT").Free);
        Assert.Equal(0.01m, Asset(balances, "BTC").Free);
        Assert.Equal(0, _server.OrderPosts);
    }

    [Fact]
    public async Task Limit_buy_reserves_funds_and_fills_when_the_price_crosses()
    {
        var bot = await TestBots.CreateAsync(ExchangeNames.Paper, initialCapital: 1000m);
        var exchange = Exchange(bot.Id);

        var placed = await exchange.PlaceOrderAsync(OrderRequest.Limit("BTCUSDT", OrderSide.Buy, 0.01m, 59_000m, "p-limit"));
        Assert.Equal(OrderStatus.New, placed.Data!.Status);
        var reserved = (await exchange.GetBalancesAsync()).Data!;
        Assert.Equal(new Balance("USDT", 1000m - 590.59m, 590.59m), Asset(reserved, "USDT"));

        _server.Prices["BTCUSDT"] = 59_500m;
        Assert.Equal(OrderStatus.New, (await exchange.GetOrderAsync("BTCUSDT", "p-limit")).Data!.Status);

        _server.Prices["BTCUSDT"] = 58_900m;
        var filled = await exchange.GetOrderAsync("BTCUSDT", "p-limit");
        Assert.Equal(OrderStatus.Filled, filled.Data!.Status);
        Assert.Equal(new OrderFill(59_000m, 0.01m, 0.59m, "USDT"), Assert.Single(filled.Data.Fills));
        var balances = (await exchange.GetBalancesAsync()).Data!;
        Assert.Equal(new Balance("USDT", 1000m - 590m - 0.59m, 0m), Asset(balances, "USDT"));
        Assert.Equal(0.01m, Asset(balances, "BTC").Free);
    }

    [Fact]
    public async Task Limit_sell_locks_the_coins_and_cancel_returns_them()
    {
        var bot = await TestBots.CreateAsync(ExchangeNames.Paper, initialCapital: 1000m);
        var exchange = Exchange(bot.Id);
        Assert.True((await exchange.PlaceOrderAsync(OrderRequest.Market("BTCUSDT", OrderSide.Buy, 0.01m, "p-b"))).Success);

        var sell = await exchange.PlaceOrderAsync(OrderRequest.Limit("BTCUSDT", OrderSide.Sell, 0.01m, 61_000m, "p-s"));
        Assert.Equal(OrderStatus.New, sell.Data!.Status);
        Assert.Equal(new Balance("BTC", 0m, 0.01m), Asset((await exchange.GetBalancesAsync()).Data!, "BTC"));

        var cancelled = await exchange.CancelOrderAsync("BTCUSDT", "p-s");
        Assert.Equal(OrderStatus.Canceled, cancelled.Data!.Status);
        Assert.Equal(new Balance("BTC", 0.01m, 0m), Asset((await exchange.GetBalancesAsync()).Data!, "BTC"));
        Assert.Equal(ExchangeErrorKind.Rejected, (await exchange.CancelOrderAsync("BTCUSDT", "p-s")).Error!.Kind);
    }

    [Fact]
    public async Task Limit_sell_fills_at_its_price_with_commission_from_the_proceeds()
    {
        var bot = await TestBots.CreateAsync(ExchangeNames.Paper, initialCapital: 1000m);
        var exchange = Exchange(bot.Id);
        Assert.True((await exchange.PlaceOrderAsync(OrderRequest.Market("BTCUSDT", OrderSide.Buy, 0.01m, "q-b"))).Success);
        var usdtBefore = Asset((await exchange.GetBalancesAsync()).Data!, "USDT").Free;
        Assert.True((await exchange.PlaceOrderAsync(OrderRequest.Limit("BTCUSDT", OrderSide.Sell, 0.01m, 61_000m, "q-s"))).Success);

        _server.Prices["BTCUSDT"] = 61_500m;
        var balances = (await exchange.GetBalancesAsync()).Data!;

        Assert.Equal(usdtBefore + 610m - 0.61m, Asset(balances, "USDT").Free);
        Assert.Equal(new Balance("BTC", 0m, 0m), Asset(balances, "BTC"));
    }

    [Fact]
    public async Task Market_data_comes_from_binance_without_a_key()
    {
        var exchange = Exchange(1);
        Assert.Equal(60_000m, (await exchange.GetLastPriceAsync("BTCUSDT")).Data);
        Assert.Equal(5, (await exchange.GetClosedKlinesAsync("BTCUSDT", "1h", 5)).Data!.Count);
        Assert.DoesNotContain(_server.Requests, r => r.Contains("/account", StringComparison.Ordinal));
    }
}

using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Exchanges;
using AlgoTrade.Core.Exchanges.Simulated;
using AlgoTrade.Core.Trading;
using AlgoTrade.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AlgoTrade.Tests.Exchanges.Paper;

/// <summary>The simulated exchange: synthetic prices, paper fills, balances in PostgreSQL.</summary>
public class SimulatedExchangeTests : IAsyncLifetime
{
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 2, 3, 10, 15, 30, TimeSpan.Zero));
    private string _connection = "";
    private ServiceProvider _services = default!;

    public async Task InitializeAsync()
    {
        _connection = await TestDatabase.SharedAsync();
        _services = Build();
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private ServiceProvider Build() => CoreServices.Build(_connection, s => s.AddSingleton<TimeProvider>(_clock));

    private IExchangeClient Exchange(int botId, ServiceProvider? services = null) =>
        (services ?? _services).GetRequiredService<IExchangeClientFactory>().Create(ExchangeNames.Simulated, botId: botId);

    private static decimal Usdt(IReadOnlyList<Balance> balances) => balances.Single(b => b.Asset == "USDT").Free;

    private decimal Last => _services.GetRequiredService<SimulatedMarket>().PriceAt("BTCUSDT", _clock.GetUtcNow().UtcDateTime);

    [Fact]
    public async Task Account_opens_with_the_bots_initial_capital_in_the_quote_asset()
    {
        var bot = await TestBots.CreateAsync(ExchangeNames.Simulated, initialCapital: 1500m);
        var balances = (await Exchange(bot.Id).GetBalancesAsync()).Data!;
        var usdt = Assert.Single(balances);
        Assert.Equal(new Balance("USDT", 1500m, 0m), usdt);
    }

    [Fact]
    public async Task Market_buy_by_quote_then_sell_charges_slippage_and_commission_in_quote()
    {
        var bot = await TestBots.CreateAsync(ExchangeNames.Simulated, initialCapital: 1000m);
        var exchange = Exchange(bot.Id);

        var last = Last;
        var buyPrice = Math.Ceiling(last * 1.0005m / 0.01m) * 0.01m;
        var qty = Math.Floor(500m / buyPrice / 0.00001m) * 0.00001m;
        var buy = await exchange.PlaceOrderAsync(OrderRequest.MarketByQuote("BTCUSDT", OrderSide.Buy, 500m, "sim-buy-1"));

        Assert.True(buy.Success, buy.Error?.ToString());
        Assert.Equal(OrderStatus.Filled, buy.Data.Status);
        Assert.Equal(qty, buy.Data.ExecutedQuantity);
        var fill = Assert.Single(buy.Data.Fills);
        Assert.Equal(buyPrice, fill.Price);
        var buyFee = Math.Round(qty * buyPrice * 0.001m, 8);
        Assert.Equal(new OrderFill(buyPrice, qty, buyFee, "USDT"), fill);
        var afterBuy = (await exchange.GetBalancesAsync()).Data!;
        Assert.Equal(1000m - qty * buyPrice - buyFee, Usdt(afterBuy));
        Assert.Equal(qty, afterBuy.Single(b => b.Asset == "BTC").Free);

        _clock.Advance(TimeSpan.FromMinutes(90));
        var sellPrice = Math.Floor(Last * 0.9995m / 0.01m) * 0.01m;
        var sell = await exchange.PlaceOrderAsync(OrderRequest.Market("BTCUSDT", OrderSide.Sell, qty, "sim-sell-1"));

        Assert.True(sell.Success, sell.Error?.ToString());
        var sellFee = Math.Round(qty * sellPrice * 0.001m, 8);
        Assert.Equal(sellFee, sell.Data.CommissionIn("USDT"));
        var final = (await exchange.GetBalancesAsync()).Data!;
        Assert.Equal(1000m - qty * buyPrice - buyFee + qty * sellPrice - sellFee, Usdt(final));
        Assert.Equal(0m, final.Single(b => b.Asset == "BTC").Free);
    }

    [Fact]
    public async Task Spending_more_than_the_balance_is_insufficient_balance_and_changes_nothing()
    {
        var bot = await TestBots.CreateAsync(ExchangeNames.Simulated, initialCapital: 100m);
        var exchange = Exchange(bot.Id);

        var result = await exchange.PlaceOrderAsync(OrderRequest.MarketByQuote("BTCUSDT", OrderSide.Buy, 150m, "too-much"));

        Assert.Equal(ExchangeErrorKind.InsufficientBalance, result.Error!.Kind);
        Assert.Equal(100m, Usdt((await exchange.GetBalancesAsync()).Data!));
        Assert.Equal(ExchangeErrorKind.OrderNotFound, (await exchange.GetOrderAsync("BTCUSDT", "too-much")).Error!.Kind);
    }

    [Fact]
    public async Task A_client_order_id_is_used_once_per_bot()
    {
        var bot = await TestBots.CreateAsync(ExchangeNames.Simulated);
        var exchange = Exchange(bot.Id);
        Assert.True((await exchange.PlaceOrderAsync(OrderRequest.MarketByQuote("BTCUSDT", OrderSide.Buy, 50m, "once"))).Success);

        var again = await exchange.PlaceOrderAsync(OrderRequest.MarketByQuote("BTCUSDT", OrderSide.Buy, 50m, "once"));

        Assert.Equal(ExchangeErrorKind.DuplicateOrder, again.Error!.Kind);
        Assert.Equal(OrderStatus.Filled, (await exchange.GetOrderAsync("BTCUSDT", "once")).Data!.Status);
    }

    [Fact]
    public async Task Balances_and_orders_survive_a_restart()
    {
        var bot = await TestBots.CreateAsync(ExchangeNames.Simulated, initialCapital: 2000m);
        Assert.True((await Exchange(bot.Id).PlaceOrderAsync(OrderRequest.MarketByQuote("BTCUSDT", OrderSide.Buy, 700m, "keep-1"))).Success);
        var before = (await Exchange(bot.Id).GetBalancesAsync()).Data!;

        await using var restarted = Build();
        var exchange = Exchange(bot.Id, restarted);
        var after = (await exchange.GetBalancesAsync()).Data!;

        Assert.Equal(before, after);
        Assert.Equal(2, after.Count);
        Assert.Equal(OrderStatus.Filled, (await exchange.GetOrderAsync("BTCUSDT", "keep-1")).Data!.Status);
    }

    [Fact]
    public async Task Trading_needs_a_bot_id_but_market_data_does_not()
    {
        var exchange = _services.GetRequiredService<IExchangeClientFactory>().Create(ExchangeNames.Simulated);
        Assert.True((await exchange.GetLastPriceAsync("ETHUSDT")).Success);
        Assert.Equal(ExchangeErrorKind.InvalidRequest, (await exchange.GetBalancesAsync()).Error!.Kind);
    }

    [Fact]
    public async Task Orders_below_the_minimum_notional_are_refused()
    {
        var bot = await TestBots.CreateAsync(ExchangeNames.Simulated);
        var result = await Exchange(bot.Id).PlaceOrderAsync(OrderRequest.MarketByQuote("BTCUSDT", OrderSide.Buy, 4m, "tiny"));
        Assert.Equal(ExchangeErrorKind.FilterFailure, result.Error!.Kind);
    }
}

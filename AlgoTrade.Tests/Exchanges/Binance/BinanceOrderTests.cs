using AlgoTrade.Core.Exchanges;
using AlgoTrade.Core.Trading;
using AlgoTrade.Tests.Exchanges.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace AlgoTrade.Tests.Exchanges.Binance;

/// <summary>Orders against the fake exchange, including every injected fault: no order may ever be placed twice.</summary>
public class BinanceOrderTests : IAsyncLifetime
{
    private const string Route = "POST /api/v3/order";
    private FakeBinanceServer _server = default!;
    private ServiceProvider _services = default!;

    public async Task InitializeAsync()
    {
        _server = await FakeBinanceServer.StartAsync();
        _server.AddAccount(ExchangeTestHost.ApiKey, ExchangeTestHost.Secret, usdt: 10_000m, btc: 1m);
        _services = ExchangeTestHost.Build(_server, timeout: TimeSpan.FromSeconds(1.5));
        // A cold first request (JIT, Kestrel) must not be mistaken for an injected timeout.
        Assert.True((await ExchangeTestHost.Client(_services).ExchangeData.PingAsync()).Success);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _server.DisposeAsync();
    }

    private IExchangeClient Client => ExchangeTestHost.Client(_services);

    private static OrderRequest Buy(string id) => OrderRequest.Market("BTCUSDT", OrderSide.Buy, 0.001239m, id);

    private int Accepted(string id) => _server.Orders.Count(o => o.ClientOrderId == id);

    [Fact]
    public async Task Market_order_rounds_quantity_down_to_the_step_and_returns_fills()
    {
        var result = await Client.PlaceOrderAsync(Buy("bot1-1"));

        Assert.True(result.Success, result.Error?.ToString());
        var order = result.Data;
        Assert.Equal(OrderStatus.Filled, order.Status);
        Assert.Equal("bot1-1", order.ClientOrderId);
        Assert.Equal(0.00123m, order.ExecutedQuantity);
        Assert.Equal(60_000m, order.AveragePrice);
        var fill = Assert.Single(order.Fills);
        Assert.Equal(new OrderFill(60_000m, 0.00123m, 0.00000123m, "BTC"), fill);
        Assert.Equal(0.00123m, _server.Orders.Single().Quantity);
    }

    [Fact]
    public async Task Market_order_by_quote_amount()
    {
        var result = await Client.PlaceOrderAsync(OrderRequest.MarketByQuote("BTCUSDT", OrderSide.Buy, 100m, "quote-1"));
        Assert.True(result.Success, result.Error?.ToString());
        Assert.Equal(0.00166m, result.Data.ExecutedQuantity);
    }

    [Fact]
    public async Task Limit_order_price_is_rounded_to_the_tick_then_queried_and_cancelled()
    {
        var placed = await Client.PlaceOrderAsync(OrderRequest.Limit("BTCUSDT", OrderSide.Buy, 0.01m, 50_000.004m, "limit-1"));
        Assert.True(placed.Success, placed.Error?.ToString());
        Assert.Equal(OrderStatus.New, placed.Data.Status);
        Assert.Equal(50_000m, _server.Orders.Single().Price);

        var queried = await Client.GetOrderAsync("BTCUSDT", "limit-1");
        Assert.Equal(OrderStatus.New, queried.Data!.Status);
        var cancelled = await Client.CancelOrderAsync("BTCUSDT", "limit-1");
        Assert.True(cancelled.Success, cancelled.Error?.ToString());
        Assert.Equal(OrderStatus.Canceled, cancelled.Data.Status);
        Assert.Equal("limit-1", cancelled.Data.ClientOrderId);
    }

    [Theory]
    [InlineData("0.00004", "below the minimum notional")]
    [InlineData("0.000009", "below the minimum 0.00001 BTC")]
    public async Task Orders_below_the_filters_are_refused_without_sending(string quantity, string expected)
    {
        var result = await Client.PlaceOrderAsync(OrderRequest.Market("BTCUSDT", OrderSide.Buy, decimal.Parse(quantity, System.Globalization.CultureInfo.InvariantCulture), "small-1"));

        Assert.Equal(ExchangeErrorKind.FilterFailure, result.Error!.Kind);
        Assert.Contains(expected, result.Error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _server.OrderPosts);
    }

    [Fact]
    public async Task Invalid_client_order_ids_are_refused_without_sending()
    {
        var result = await Client.PlaceOrderAsync(Buy("has spaces!"));
        Assert.Equal(ExchangeErrorKind.InvalidRequest, result.Error!.Kind);
        Assert.Equal(0, _server.OrderPosts);
    }

    [Fact]
    public async Task Timeout_after_the_order_was_accepted_is_reconciled_by_query()
    {
        _server.Inject(Route, new FakeFault(FakeFaultKind.TimeoutAfterAccept, Delay: TimeSpan.FromSeconds(6)));

        var result = await Client.PlaceOrderAsync(Buy("t-1"));

        Assert.True(result.Success, result.Error?.ToString());
        Assert.Equal(OrderStatus.Filled, result.Data.Status);
        Assert.Equal(0.00123m, Assert.Single(result.Data.Fills).Quantity);
        Assert.Equal(1, _server.OrderPosts);
        Assert.Equal(1, Accepted("t-1"));
    }

    [Fact]
    public async Task Server_error_after_the_order_was_accepted_is_reconciled_by_query()
    {
        _server.Inject(Route, new FakeFault(FakeFaultKind.ServerErrorAfterAccept));

        var result = await Client.PlaceOrderAsync(Buy("e-1"));

        Assert.True(result.Success, result.Error?.ToString());
        Assert.Equal(1, _server.OrderPosts);
        Assert.Equal(1, Accepted("e-1"));
    }

    [Fact]
    public async Task Backend_timeout_minus_1007_is_reconciled_by_query()
    {
        _server.Inject(Route, new FakeFault(FakeFaultKind.BackendTimeoutAfterAccept));

        var result = await Client.PlaceOrderAsync(Buy("b-1"));

        Assert.True(result.Success, result.Error?.ToString());
        Assert.Equal(1, _server.OrderPosts);
        Assert.Equal(1, Accepted("b-1"));
    }

    [Fact]
    public async Task Server_error_before_acceptance_is_resent_once_after_a_confirmed_not_found()
    {
        _server.Inject(Route, new FakeFault(FakeFaultKind.ServerErrorBeforeAccept));

        var started = DateTime.UtcNow;
        var result = await Client.PlaceOrderAsync(Buy("r-1"));

        Assert.True(result.Success, result.Error?.ToString());
        Assert.Equal(2, _server.OrderPosts);
        Assert.Equal(1, Accepted("r-1"));
        // Looked up again with backoff until the 5 s receive window of the first request had passed, and only then resent.
        Assert.True(_server.CountRequests("/api/v3/order") - _server.OrderPosts >= 2);
        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromSeconds(5), "The order was resent within the receive window.");
    }

    [Fact]
    public async Task Unknown_status_with_an_unanswered_query_is_reported_and_never_resent()
    {
        _server.Inject(Route, new FakeFault(FakeFaultKind.ServerErrorAfterAccept));
        _server.Inject("GET /api/v3/order", new FakeFault(FakeFaultKind.ServerErrorAfterAccept));

        var result = await Client.PlaceOrderAsync(Buy("u-1"));

        Assert.False(result.Success);
        Assert.Equal(ExchangeErrorKind.UnknownExecutionStatus, result.Error.Kind);
        Assert.True(result.Error.RequiresReconciliation);
        Assert.True(result.Error.IsTransient);
        Assert.Equal(1, _server.OrderPosts);
        Assert.Equal(1, Accepted("u-1"));

        var later = await Client.GetOrderAsync("BTCUSDT", "u-1");
        Assert.Equal(OrderStatus.Filled, later.Data!.Status);
        Assert.Equal("BTC", Assert.Single(later.Data.Fills).CommissionAsset);
    }

    [Fact]
    public async Task Timeout_before_acceptance_then_not_found_resends_once()
    {
        _server.Inject(Route, new FakeFault(FakeFaultKind.TimeoutBeforeAccept, Delay: TimeSpan.FromSeconds(6)));

        var result = await Client.PlaceOrderAsync(Buy("tb-1"));

        Assert.True(result.Success, result.Error?.ToString());
        Assert.Equal(2, _server.OrderPosts);
        Assert.Equal(1, Accepted("tb-1"));
    }

    [Fact]
    public async Task Not_found_while_the_original_is_still_in_flight_is_asked_again_and_never_resent()
    {
        // The exchange answers -2013 to the lookups after the timeout, then executes the original 3 s after it was sent.
        _server.Inject(Route, new FakeFault(FakeFaultKind.ExecutesLate, Delay: TimeSpan.FromSeconds(3)));
        var started = DateTime.UtcNow;

        var result = await Client.PlaceOrderAsync(Buy("late-1"));

        Assert.True(result.Success, result.Error?.ToString());
        Assert.Equal(OrderStatus.Filled, result.Data.Status);
        Assert.Equal("late-1", result.Data.ClientOrderId);
        // Past the receive window nothing else can arrive; only then is the count final.
        var settled = started + TimeSpan.FromSeconds(6.5) - DateTime.UtcNow;
        if (settled > TimeSpan.Zero) await Task.Delay(settled);
        Assert.Equal(1, _server.OrderPosts);
        Assert.Equal(1, Accepted("late-1"));
        Assert.True(_server.CountRequests("/api/v3/order") - _server.OrderPosts >= 2, "The order should have been looked up again after the first -2013.");
    }

    [Fact]
    public async Task Rate_limit_429_returns_retry_after_and_holds_back_the_next_request()
    {
        _server.Inject(Route, new FakeFault(FakeFaultKind.RateLimited, RetryAfterSeconds: 30));

        var result = await Client.PlaceOrderAsync(Buy("rl-1"));

        Assert.Equal(ExchangeErrorKind.RateLimited, result.Error!.Kind);
        Assert.Equal(TimeSpan.FromSeconds(30), result.Error.RetryAfter);
        Assert.True(result.Error.IsTransient);
        Assert.Equal(0, Accepted("rl-1"));

        var requestsBefore = _server.Requests.Count;
        var next = await Client.GetLastPriceAsync("BTCUSDT");
        Assert.Equal(ExchangeErrorKind.RateLimited, next.Error!.Kind);
        Assert.Equal(requestsBefore, _server.Requests.Count);
        Assert.Equal(1, _server.OrderPosts);
    }

    [Fact]
    public async Task Ip_ban_418_is_rate_limited()
    {
        _server.Inject(Route, new FakeFault(FakeFaultKind.IpBanned, RetryAfterSeconds: 120));
        var result = await Client.PlaceOrderAsync(Buy("ban-1"));
        Assert.Equal(ExchangeErrorKind.RateLimited, result.Error!.Kind);
        Assert.Equal(TimeSpan.FromMinutes(2), result.Error.RetryAfter);
        Assert.Equal(1, _server.OrderPosts);
    }

    [Fact]
    public async Task Short_retry_after_is_waited_out_then_the_request_goes_through()
    {
        _server.Inject("GET /api/v3/account", new FakeFault(FakeFaultKind.RateLimited, RetryAfterSeconds: 1));
        var client = Client;
        var first = await client.GetBalancesAsync();
        Assert.Equal(ExchangeErrorKind.RateLimited, first.Error!.Kind);

        var started = DateTime.UtcNow;
        var second = await client.GetBalancesAsync();
        Assert.True(second.Success, second.Error?.ToString());
        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromMilliseconds(900));
    }

    [Fact]
    public async Task Timestamp_rejection_resyncs_the_clock_and_retries_once()
    {
        var client = Client;
        Assert.True((await client.GetBalancesAsync()).Success);
        Assert.Equal(1, _server.CountRequests("/api/v3/time"));

        _server.ClockOffset = TimeSpan.FromSeconds(20);
        var result = await client.PlaceOrderAsync(Buy("ts-1"));

        Assert.True(result.Success, result.Error?.ToString());
        Assert.Equal(2, _server.CountRequests("/api/v3/time"));
        Assert.Equal(2, _server.OrderPosts);
        Assert.Equal(1, Accepted("ts-1"));
    }

    [Fact]
    public async Task Injected_minus_1021_resyncs_and_retries_once()
    {
        _server.Inject(Route, new FakeFault(FakeFaultKind.TimestampOutsideWindow));
        _server.Inject(Route, new FakeFault(FakeFaultKind.TimestampOutsideWindow));

        var result = await Client.PlaceOrderAsync(Buy("ts-2"));

        Assert.True(result.Error!.Kind == ExchangeErrorKind.Timestamp, result.Error + " " + string.Join(",", _server.Requests));
        Assert.Equal(2, _server.OrderPosts);
        Assert.Equal(0, Accepted("ts-2"));
    }

    [Fact]
    public async Task Insufficient_balance_is_typed_and_not_retried()
    {
        _server.Inject(Route, new FakeFault(FakeFaultKind.InsufficientBalance));

        var result = await Client.PlaceOrderAsync(Buy("ib-1"));

        Assert.Equal(ExchangeErrorKind.InsufficientBalance, result.Error!.Kind);
        Assert.Equal(-2010, result.Error.Code);
        Assert.False(result.Error.IsTransient);
        Assert.Equal(1, _server.OrderPosts);
        Assert.Equal(0, Accepted("ib-1"));
    }

    [Fact]
    public async Task Real_insufficient_balance_from_the_exchange()
    {
        var result = await Client.PlaceOrderAsync(OrderRequest.Market("BTCUSDT", OrderSide.Buy, 1m, "big-1"));
        Assert.Equal(ExchangeErrorKind.InsufficientBalance, result.Error!.Kind);
        Assert.Equal(1, _server.OrderPosts);
    }

    [Fact]
    public async Task Filter_failure_from_the_exchange_is_typed_and_not_retried()
    {
        _server.Inject(Route, new FakeFault(FakeFaultKind.FilterFailure));

        var result = await Client.PlaceOrderAsync(Buy("ff-1"));

        Assert.Equal(ExchangeErrorKind.FilterFailure, result.Error!.Kind);
        Assert.Equal(-1013, result.Error.Code);
        Assert.Equal(1, _server.OrderPosts);
        Assert.Equal(0, Accepted("ff-1"));
    }

    [Fact]
    public async Task Query_of_an_unknown_order_is_a_confirmed_not_found()
    {
        var result = await Client.GetOrderAsync("BTCUSDT", "never-placed");
        Assert.Equal(ExchangeErrorKind.OrderNotFound, result.Error!.Kind);
        Assert.Equal(-2013, result.Error.Code);

        Assert.True((await Client.PlaceOrderAsync(Buy("q-1"))).Success);
        _server.Inject("GET /api/v3/order", new FakeFault(FakeFaultKind.OrderDoesNotExist));
        var injected = await Client.GetOrderAsync("BTCUSDT", "q-1");
        Assert.Equal(ExchangeErrorKind.OrderNotFound, injected.Error!.Kind);
    }

    [Fact]
    public async Task Bad_symbol_is_typed()
    {
        var result = await Client.PlaceOrderAsync(OrderRequest.Market("NOPEUSDT", OrderSide.Buy, 1m, "bs-1"));
        Assert.Equal(ExchangeErrorKind.BadSymbol, result.Error!.Kind);
        Assert.Equal(0, _server.OrderPosts);
    }
}

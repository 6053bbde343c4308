using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using AlgoTrade.Core.Exchanges;
using AlgoTrade.Core.Exchanges.Binance;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AlgoTrade.Tests.Exchanges.Fakes;

/// <summary>
/// A Binance Spot REST server on real Kestrel at 127.0.0.1: checks API keys, HMAC signatures and timestamps like
/// Binance, keeps balances and orders, and injects faults on request.
/// </summary>
public sealed class FakeBinanceServer : IAsyncDisposable
{
    public const decimal CommissionRate = 0.001m;

    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly List<FakeOrder> _orders = [];
    private readonly ConcurrentDictionary<string, ConcurrentQueue<FakeFault>> _faults = new();
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly ConcurrentQueue<(string Path, IQueryCollection Query)> _queries = new();
    private readonly ConcurrentDictionary<FakeFaultKind, int> _faultsServed = new();
    private long _nextOrderId = 1000;
    private int _orderPosts;
    private long _weightMinute;
    private int _weightUsed;

    private FakeBinanceServer(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    /// <summary>API key → secret of the accounts this exchange knows.</summary>
    public ConcurrentDictionary<string, string> Accounts { get; } = new();
    public ConcurrentDictionary<(string Key, string Asset), decimal> Balances { get; } = new();
    public ConcurrentDictionary<string, (bool IpRestrict, bool EnableWithdrawals)> Restrictions { get; } = new();
    public ConcurrentDictionary<string, decimal> Prices { get; } = new() { ["BTCUSDT"] = 60_000m, ["ETHUSDT"] = 3_000m, ["LTCBTC"] = 0.001m };
    public List<FakeSymbol> Symbols { get; } =
    [
        new("BTCUSDT", "BTC", "USDT", 0.01m, 0.00001m, 0.00001m, 5m),
        new("ETHUSDT", "ETH", "USDT", 0.01m, 0.0001m, 0.0001m, 5m),
        new("LTCBTC", "LTC", "BTC", 0.000001m, 0.001m, 0.001m, 0.0001m),
    ];

    /// <summary>How far the server clock runs ahead of this machine's.</summary>
    public TimeSpan ClockOffset { get; set; }
    /// <summary>When set, reported in X-MBX-USED-WEIGHT-1M instead of the real count.</summary>
    public int? ReportedUsedWeight { get; set; }

    /// <summary>The exchange's clock (before <see cref="ClockOffset"/>): the system clock unless a test drives time.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>
    /// When set, the price of a symbol at an instant: the ticker, the klines and market fills all follow it, so the
    /// candles a bot sees and the prices it trades at agree. Otherwise <see cref="Prices"/> and <see cref="FakeKlinePrice"/>.
    /// </summary>
    public Func<string, DateTimeOffset, decimal>? PriceAt { get; set; }

    /// <summary>When set, klines for which it answers true do not exist on this exchange (a gap in its history).</summary>
    public Func<string, DateTime, bool>? KlineMissing { get; set; }

    /// <summary>Asked for a fault on every request to a route that has none queued (a randomized fault schedule).</summary>
    public Func<string, FakeFault?>? FaultPlan { get; set; }

    /// <summary>How many times each fault was served, queued or planned.</summary>
    public IReadOnlyDictionary<FakeFaultKind, int> FaultsServed => _faultsServed;

    public int OrderPosts => Volatile.Read(ref _orderPosts);
    public IReadOnlyList<string> Requests => [.. _requests];
    /// <summary>Every request's path and query string, in arrival order.</summary>
    public IReadOnlyList<(string Path, IQueryCollection Query)> RequestQueries => [.. _queries];
    public int CountRequests(string path) => _requests.Count(r => r.EndsWith(" " + path, StringComparison.Ordinal));

    public IReadOnlyList<FakeOrder> Orders
    {
        get
        {
            lock (_gate)
                return [.. _orders];
        }
    }

    public static async Task<FakeBinanceServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new FakeBinanceServer(app);
        server.Map(app);
        await app.StartAsync();
        server.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return server;
    }

    public void AddAccount(string apiKey, string secret, decimal usdt = 10_000m, decimal btc = 0m)
    {
        Accounts[apiKey] = secret;
        Balances[(apiKey, "USDT")] = usdt;
        Balances[(apiKey, "BTC")] = btc;
    }

    public void Inject(string route, FakeFault fault) => _faults.GetOrAdd(route, _ => new()).Enqueue(fault);

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private DateTimeOffset Now => Clock.GetUtcNow() + ClockOffset;

    private decimal LastPrice(string symbol) => PriceAt is { } at ? at(symbol, Clock.GetUtcNow()) : Prices[symbol];

    /// <summary>Binance counts request weight per calendar minute of its own clock.</summary>
    private int CountWeight()
    {
        lock (_gate)
        {
            var minute = Now.ToUnixTimeMilliseconds() / 60_000;
            if (minute != _weightMinute)
            {
                _weightMinute = minute;
                _weightUsed = 0;
            }
            return ++_weightUsed;
        }
    }

    private void Map(WebApplication app)
    {
        app.Use(async (ctx, next) =>
        {
            _requests.Enqueue($"{ctx.Request.Method} {ctx.Request.Path}");
            _queries.Enqueue((ctx.Request.Path.ToString(), ctx.Request.Query));
            ctx.Response.Headers["X-MBX-USED-WEIGHT-1M"] = (ReportedUsedWeight ?? CountWeight()).ToString(CultureInfo.InvariantCulture);
            await next(ctx);
        });
        app.MapGet("/api/v3/ping", () => Results.Json(new { }));
        app.MapGet("/api/v3/time", () => Results.Json(new { serverTime = Now.ToUnixTimeMilliseconds() }));
        app.MapGet("/api/v3/exchangeInfo", () => Results.Json(new { timezone = "UTC", serverTime = Now.ToUnixTimeMilliseconds(), symbols = Symbols.Select(SymbolJson) }));
        app.MapGet("/api/v3/ticker/price", R(async (HttpContext ctx) =>
        {
            if (TakeFault("GET /api/v3/ticker/price") is { } fault && await GenericFault(ctx, fault) is { } failed)
                return failed;
            var symbol = ctx.Request.Query["symbol"].ToString();
            return Prices.ContainsKey(symbol) ? Results.Json(new { symbol, price = Text(LastPrice(symbol)) }) : Error(400, BinanceErrors.BadSymbol, "Invalid symbol.");
        }));
        app.MapGet("/api/v3/klines", R(async (HttpContext ctx) =>
            TakeFault("GET /api/v3/klines") is { } fault && await GenericFault(ctx, fault) is { } failed ? failed : Klines(ctx)));
        app.MapGet("/api/v3/account", R((HttpContext ctx) => Signed(ctx, "GET /api/v3/account", key => Task.FromResult(Results.Json(new
        {
            canTrade = true,
            canWithdraw = true,
            canDeposit = true,
            balances = Balances.Where(b => b.Key.Key == key).Select(b => new { asset = b.Key.Asset, free = Text(b.Value), locked = "0" }),
        })))));
        app.MapGet("/sapi/v1/account/apiRestrictions", R((HttpContext ctx) => Signed(ctx, "GET /sapi/v1/account/apiRestrictions", key =>
        {
            var (ip, withdraw) = Restrictions.GetValueOrDefault(key, (false, false));
            return Task.FromResult(Results.Json(new { ipRestrict = ip, enableWithdrawals = withdraw, enableSpotAndMarginTrading = true, enableReading = true, createTime = 1_700_000_000_000 }));
        })));
        app.MapPost("/api/v3/order", R((HttpContext ctx) =>
        {
            Interlocked.Increment(ref _orderPosts);
            return Signed(ctx, "POST /api/v3/order", key => PlaceOrder(ctx, key));
        }));
        app.MapGet("/api/v3/order", R((HttpContext ctx) => Signed(ctx, "GET /api/v3/order", async key =>
        {
            if (TakeFault("GET /api/v3/order") is { } fault)
            {
                if (fault.Kind == FakeFaultKind.OrderDoesNotExist)
                    return Error(400, BinanceErrors.NoSuchOrder, "Order does not exist.");
                if (await GenericFault(ctx, fault) is { } failed)
                    return failed;
            }
            var order = Find(key, ctx.Request.Query["symbol"]!, ctx.Request.Query["origClientOrderId"]!);
            return order is null ? Error(400, BinanceErrors.NoSuchOrder, "Order does not exist.") : Results.Json(OrderJson(order, fills: false));
        })));
        app.MapGet("/api/v3/myTrades", R((HttpContext ctx) => Signed(ctx, "GET /api/v3/myTrades", key =>
        {
            var id = long.Parse(ctx.Request.Query["orderId"]!, CultureInfo.InvariantCulture);
            var order = Orders.SingleOrDefault(o => o.ApiKey == key && o.OrderId == id);
            object[] trades = order is { ExecutedQuantity: > 0 }
                ? [new { symbol = order.Symbol, id = order.OrderId * 10, orderId = order.OrderId, price = Text(order.FillPrice), qty = Text(order.ExecutedQuantity), quoteQty = Text(order.QuoteQuantity), commission = Text(order.Commission), commissionAsset = order.CommissionAsset }]
                : [];
            return Task.FromResult(Results.Json(trades));
        })));
        app.MapDelete("/api/v3/order", R((HttpContext ctx) => Signed(ctx, "DELETE /api/v3/order", key =>
        {
            var order = Find(key, ctx.Request.Query["symbol"]!, ctx.Request.Query["origClientOrderId"]!);
            if (order is null || order.Status != "NEW")
                return Task.FromResult(Error(400, BinanceErrors.CancelRejected, "Unknown order sent."));
            lock (_gate)
            {
                order.Status = "CANCELED";
                if (order.Side == "BUY")
                    Balances.AddOrUpdate((key, Quote(order.Symbol)), 0, (_, v) => v + order.Quantity * order.Price);
            }
            return Task.FromResult(Results.Json(OrderJson(order, fills: false)));
        })));
    }

    private async Task<IResult> PlaceOrder(HttpContext ctx, string key)
    {
        var q = ctx.Request.Query;
        var fault = TakeFault("POST /api/v3/order");
        if (fault?.Kind == FakeFaultKind.ExecutesLate)
            await Task.Delay(fault.Delay ?? TimeSpan.FromSeconds(3), CancellationToken.None);
        if (fault is not null && fault.Kind is not (FakeFaultKind.ExecutesLate or FakeFaultKind.TimeoutAfterAccept or FakeFaultKind.ServerErrorAfterAccept
                or FakeFaultKind.BackendTimeoutAfterAccept or FakeFaultKind.PartialFill or FakeFaultKind.DuplicateAnswerAfterAccept))
        {
            if (fault.Kind == FakeFaultKind.InsufficientBalance)
                return Error(400, BinanceErrors.NewOrderRejected, "Account has insufficient balance for requested action.");
            if (fault.Kind == FakeFaultKind.FilterFailure)
                return Error(400, BinanceErrors.FilterFailure, "Filter failure: NOTIONAL");
            if (await GenericFault(ctx, fault) is { } failed)
                return failed;
        }

        var symbol = Symbols.SingleOrDefault(s => s.Symbol == q["symbol"]);
        if (symbol is null)
            return Error(400, BinanceErrors.BadSymbol, "Invalid symbol.");
        var side = q["side"].ToString();
        var type = q["type"].ToString();
        var clientId = q["newClientOrderId"].ToString();
        if (!ClientOrderIds.IsValid(clientId) || q["newOrderRespType"] != "FULL")
            return Error(400, -1100, "Illegal characters found in parameter 'newClientOrderId'.");
        var last = LastPrice(symbol.Symbol);
        decimal price = type == "LIMIT" ? DecimalText.ParseDecimal(q["price"]!) : last;
        if (type == "LIMIT" && (q["timeInForce"] != "GTC" || price % symbol.TickSize != 0))
            return Error(400, BinanceErrors.FilterFailure, "Filter failure: PRICE_FILTER");
        decimal quantity;
        if (q.ContainsKey("quoteOrderQty"))
            quantity = Math.Floor(DecimalText.ParseDecimal(q["quoteOrderQty"]!) / price / symbol.StepSize) * symbol.StepSize;
        else
            quantity = DecimalText.ParseDecimal(q["quantity"]!);
        if (quantity % symbol.StepSize != 0 || quantity < symbol.MinQty)
            return Error(400, BinanceErrors.FilterFailure, "Filter failure: LOT_SIZE");
        if (quantity * price < symbol.MinNotional)
            return Error(400, BinanceErrors.FilterFailure, "Filter failure: NOTIONAL");

        FakeOrder order;
        lock (_gate)
        {
            if (_orders.Any(o => o.ApiKey == key && o.ClientOrderId == clientId && o.Status == "NEW"))
                return Error(400, BinanceErrors.NewOrderRejected, "Duplicate order sent.");
            var quoteAsset = symbol.QuoteAsset;
            var spend = quantity * price;
            if (side == "BUY" && Balances.GetValueOrDefault((key, quoteAsset)) < spend)
                return Error(400, BinanceErrors.NewOrderRejected, "Account has insufficient balance for requested action.");
            if (side == "SELL" && Balances.GetValueOrDefault((key, symbol.BaseAsset)) < quantity)
                return Error(400, BinanceErrors.NewOrderRejected, "Account has insufficient balance for requested action.");
            order = new FakeOrder
            {
                OrderId = ++_nextOrderId, ApiKey = key, Symbol = symbol.Symbol, ClientOrderId = clientId, Side = side, Type = type,
                Price = type == "LIMIT" ? price : 0, Quantity = quantity, Time = Now.ToUnixTimeMilliseconds(),
            };
            if (type == "MARKET")
            {
                // Not enough liquidity: a market order fills what it can and expires (Binance's status EXPIRED).
                var partial = fault?.Kind == FakeFaultKind.PartialFill ? Math.Floor(quantity / 2 / symbol.StepSize) * symbol.StepSize : quantity;
                if (partial < quantity && partial * price >= symbol.MinNotional)
                {
                    quantity = partial;
                    spend = quantity * price;
                    order.Status = "EXPIRED";
                }
                else
                {
                    order.Status = "FILLED";
                }
                order.ExecutedQuantity = quantity;
                order.FillPrice = price;
                order.QuoteQuantity = quantity * price;
                // Binance charges the asset received.
                order.CommissionAsset = side == "BUY" ? symbol.BaseAsset : quoteAsset;
                order.Commission = side == "BUY" ? quantity * CommissionRate : order.QuoteQuantity * CommissionRate;
                Balances.AddOrUpdate((key, quoteAsset), 0, (_, v) => side == "BUY" ? v - spend : v + spend - order.Commission);
                Balances.AddOrUpdate((key, symbol.BaseAsset), 0, (_, v) => side == "BUY" ? v + quantity - order.Commission : v - quantity);
            }
            else if (side == "BUY")
            {
                Balances.AddOrUpdate((key, quoteAsset), 0, (_, v) => v - spend);
            }
            _orders.Add(order);
        }

        switch (fault?.Kind)
        {
            case FakeFaultKind.TimeoutAfterAccept:
                await Task.Delay(fault.Delay ?? TimeSpan.FromSeconds(5), ctx.RequestAborted);
                break;
            case FakeFaultKind.ServerErrorAfterAccept:
                return Results.Text("<html>502 Bad Gateway</html>", "text/html", statusCode: 502);
            case FakeFaultKind.BackendTimeoutAfterAccept:
                return Error(500, BinanceErrors.UnknownExecution, "Timeout waiting for response from backend server. Send status unknown; execution status unknown.");
            case FakeFaultKind.DuplicateAnswerAfterAccept:
                // What a retried request (a proxy, a resend) hears when the first one was accepted.
                return Error(400, BinanceErrors.NewOrderRejected, "Duplicate order sent.");
        }
        return Results.Json(OrderJson(order, fills: true));
    }

    private async Task<IResult?> GenericFault(HttpContext ctx, FakeFault fault)
    {
        switch (fault.Kind)
        {
            case FakeFaultKind.RateLimited:
            case FakeFaultKind.IpBanned:
                ctx.Response.Headers.RetryAfter = fault.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                return Error(fault.Kind == FakeFaultKind.IpBanned ? 418 : 429, BinanceErrors.TooManyRequests, "Too much request weight used; current limit is 6000 request weight per 1 MINUTE.");
            case FakeFaultKind.TimestampOutsideWindow:
                return Error(400, BinanceErrors.TimestampOutsideWindow, "Timestamp for this request is outside of the recvWindow.");
            case FakeFaultKind.ServerErrorBeforeAccept:
            case FakeFaultKind.ServerErrorAfterAccept:
                return Results.Text("<html>503 Service Unavailable</html>", "text/html", statusCode: 503);
            case FakeFaultKind.TimeoutBeforeAccept:
            case FakeFaultKind.TimeoutAfterAccept:
                await Task.Delay(fault.Delay ?? TimeSpan.FromSeconds(5), ctx.RequestAborted);
                return Error(503, -1000, "late");
            default:
                return null;
        }
    }

    /// <summary>Binance's checks for SIGNED endpoints: known key, valid signature over the query string, fresh timestamp.</summary>
    private async Task<IResult> Signed(HttpContext ctx, string route, Func<string, Task<IResult>> handler)
    {
        var key = ctx.Request.Headers["X-MBX-APIKEY"].ToString();
        if (key.Length == 0)
            return Error(401, BinanceErrors.BadApiKeyFormat, "API-key format invalid.");
        if (!Accounts.TryGetValue(key, out var secret))
            return Error(401, BinanceErrors.RejectedMbxKey, "Invalid API-key, IP, or permissions for action.");
        var query = ctx.Request.QueryString.Value?.TrimStart('?') ?? "";
        var at = query.LastIndexOf("&signature=", StringComparison.Ordinal);
        if (at < 0 || BinanceSigner.Sign(query[..at], secret) != query[(at + "&signature=".Length)..])
            return Error(400, BinanceErrors.InvalidSignature, "Signature for this request is not valid.");
        var timestamp = long.Parse(ctx.Request.Query["timestamp"]!, CultureInfo.InvariantCulture);
        var recvWindow = long.Parse(ctx.Request.Query["recvWindow"]!, CultureInfo.InvariantCulture);
        var serverTime = Now.ToUnixTimeMilliseconds();
        if (recvWindow != 5000 || timestamp >= serverTime + 1000 || serverTime - timestamp > recvWindow)
            return Error(400, BinanceErrors.TimestampOutsideWindow, "Timestamp for this request is outside of the recvWindow.");
        if (route != "POST /api/v3/order" && route != "GET /api/v3/order" && TakeFault(route) is { } fault && await GenericFault(ctx, fault) is { } failed)
            return failed;
        return await handler(key);
    }

    private IResult Klines(HttpContext ctx)
    {
        var q = ctx.Request.Query;
        var interval = q["interval"].ToString();
        var symbol = q["symbol"].ToString();
        if (!Prices.ContainsKey(symbol))
            return Error(400, BinanceErrors.BadSymbol, "Invalid symbol.");
        if (!KlineIntervals.IsValid(interval))
            return Error(400, -1120, "Invalid interval.");
        var limit = Math.Min(1000, int.Parse(q["limit"].FirstOrDefault() ?? "500", CultureInfo.InvariantCulture));
        var length = KlineIntervals.Length(interval);
        var current = KlineIntervals.OpenTimeOf(interval, Now.UtcDateTime);
        var end = q.ContainsKey("endTime") ? DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(q["endTime"]!, CultureInfo.InvariantCulture)).UtcDateTime : current;
        var last = KlineIntervals.OpenTimeOf(interval, end) < current ? KlineIntervals.OpenTimeOf(interval, end) : current;
        DateTime first;
        if (q.ContainsKey("startTime"))
        {
            var start = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(q["startTime"]!, CultureInfo.InvariantCulture)).UtcDateTime;
            first = KlineIntervals.OpenTimeOf(interval, start);
            if (first < start)
                first += length;
        }
        else
        {
            first = last - length * (limit - 1);
        }
        var rows = new List<object[]>();
        for (var open = first; open <= last && rows.Count < limit; open += length)
        {
            if (KlineMissing?.Invoke(symbol, open) == true)
                continue;
            var o = KlinePrice(symbol, open);
            var c = KlinePrice(symbol, open + length);
            var (high, low) = (Math.Max(o, c) + 1, Math.Min(o, c) - 1);
            if (PriceAt is { } at)
            {
                var middle = at(symbol, new DateTimeOffset(open + length / 2, TimeSpan.Zero));
                (high, low) = (Math.Max(Math.Max(o, c), middle), Math.Min(Math.Min(o, c), middle));
            }
            rows.Add([Ms(open), Text(o), Text(high), Text(low), Text(c), "12.5", Ms(open + length) - 1, "1000", 10, "6", "600", "0"]);
        }
        return Results.Json(rows);
    }

    private decimal KlinePrice(string symbol, DateTime time) => PriceAt is { } at ? at(symbol, new DateTimeOffset(time, TimeSpan.Zero)) : FakeKlinePrice(time);

    /// <summary>A deterministic price per instant, so tests can predict every kline.</summary>
    public static decimal FakeKlinePrice(DateTime time) => 100m + (long)(time - DateTime.UnixEpoch).TotalMinutes % 50;

    // Without the cast these lambdas bind to RequestDelegate and the IResult would be dropped.
    private static Delegate R(Func<HttpContext, Task<IResult>> handler) => handler;

    private FakeFault? TakeFault(string route)
    {
        var fault = _faults.TryGetValue(route, out var queue) && queue.TryDequeue(out var queued) ? queued : FaultPlan?.Invoke(route);
        if (fault is not null)
            _faultsServed.AddOrUpdate(fault.Kind, 1, (_, n) => n + 1);
        return fault;
    }

    private FakeOrder? Find(string key, string symbol, string clientOrderId)
    {
        lock (_gate)
            return _orders.LastOrDefault(o => o.ApiKey == key && o.Symbol == symbol && o.ClientOrderId == clientOrderId);
    }

    private string Quote(string symbol) => Symbols.Single(s => s.Symbol == symbol).QuoteAsset;

    private static object OrderJson(FakeOrder o, bool fills) => new Dictionary<string, object>
    {
        ["symbol"] = o.Symbol,
        ["orderId"] = o.OrderId,
        ["clientOrderId"] = o.ClientOrderId,
        ["transactTime"] = o.Time,
        ["updateTime"] = o.Time,
        ["price"] = Text(o.Price),
        ["origQty"] = Text(o.Quantity),
        ["executedQty"] = Text(o.ExecutedQuantity),
        ["cummulativeQuoteQty"] = Text(o.QuoteQuantity),
        ["status"] = o.Status,
        ["timeInForce"] = "GTC",
        ["type"] = o.Type,
        ["side"] = o.Side,
        ["fills"] = fills && o.ExecutedQuantity > 0
            ? new object[] { new { price = Text(o.FillPrice), qty = Text(o.ExecutedQuantity), commission = Text(o.Commission), commissionAsset = o.CommissionAsset, tradeId = o.OrderId * 10 } }
            : Array.Empty<object>(),
    };

    private static object SymbolJson(FakeSymbol s) => new
    {
        symbol = s.Symbol,
        status = "TRADING",
        baseAsset = s.BaseAsset,
        quoteAsset = s.QuoteAsset,
        filters = new object[]
        {
            new { filterType = "PRICE_FILTER", minPrice = Text(s.TickSize), maxPrice = "1000000.00000000", tickSize = Text(s.TickSize) },
            new { filterType = "LOT_SIZE", minQty = Text(s.MinQty), maxQty = "9000.00000000", stepSize = Text(s.StepSize) },
            new { filterType = "NOTIONAL", minNotional = Text(s.MinNotional), applyMinToMarket = true, maxNotional = "9000000.00000000", applyMaxToMarket = false, avgPriceMins = 5 },
        },
    };

    private static IResult Error(int status, int code, string msg) => Results.Json(new { code, msg }, statusCode: status);

    private static string Text(decimal d) => d.Text();

    private static long Ms(DateTime t) => new DateTimeOffset(t).ToUnixTimeMilliseconds();
}

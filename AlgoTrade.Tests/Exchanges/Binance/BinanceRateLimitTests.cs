using AlgoTrade.Core.Exchanges;
using AlgoTrade.Core.Exchanges.Binance;
using AlgoTrade.Tests.Exchanges.Fakes;
using AlgoTrade.Tests.Infrastructure;

namespace AlgoTrade.Tests.Exchanges.Binance;

public class BinanceRateLimitTests
{
    [Fact]
    public async Task Used_weight_reported_by_the_exchange_stops_every_client_of_that_base_url()
    {
        await using var server = await FakeBinanceServer.StartAsync();
        await using var services = ExchangeTestHost.Build(server, new Dictionary<string, string?>
        {
            ["Exchanges:Binance:MaxWeightPerMinute"] = "100",
            ["Exchanges:Binance:MaxRateLimitWait"] = "00:00:00",
        });
        server.ReportedUsedWeight = 99;
        var botA = ExchangeTestHost.Client(services);
        var botB = ExchangeTestHost.Client(services);

        Assert.True((await botA.GetLastPriceAsync("BTCUSDT")).Success);
        var sent = server.Requests.Count;
        var refused = await botB.GetLastPriceAsync("BTCUSDT");

        Assert.Equal(ExchangeErrorKind.RateLimited, refused.Error!.Kind);
        Assert.NotNull(refused.Error.RetryAfter);
        Assert.Equal(sent, server.Requests.Count);
    }

    [Fact]
    public async Task Limiter_waits_for_the_next_minute_when_that_is_short()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 1, 1, 12, 0, 59, 500, TimeSpan.Zero));
        var limiter = new BinanceWeightLimiter(10, TimeSpan.FromSeconds(2), clock);
        Assert.Null(await limiter.AcquireAsync(10, CancellationToken.None));

        var pending = limiter.AcquireAsync(5, CancellationToken.None).AsTask();
        await Task.Delay(50);
        Assert.False(pending.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));
        // ManualClock's timers are real timers: the half-second wait ends for real, then sees the next minute.
        var done = await Task.WhenAny(pending, Task.Delay(TimeSpan.FromSeconds(3)));
        Assert.Same(pending, done);
        Assert.Null(await pending);
        Assert.Equal(5, limiter.UsedWeight);
    }

    [Fact]
    public async Task Limiter_refuses_waits_longer_than_allowed()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 1, 1, 12, 0, 10, TimeSpan.Zero));
        var limiter = new BinanceWeightLimiter(10, TimeSpan.FromSeconds(2), clock);
        Assert.Null(await limiter.AcquireAsync(8, CancellationToken.None));

        var refused = await limiter.AcquireAsync(5, CancellationToken.None);

        Assert.Equal(TimeSpan.FromSeconds(50), refused);
        limiter.BlockFor(TimeSpan.FromSeconds(1));
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Null(await limiter.AcquireAsync(5, CancellationToken.None));
    }
}

using System.Diagnostics;
using AlgoTrade.Core.Exchanges;
using AlgoTrade.Core.Exchanges.Simulated;
using AlgoTrade.Tests.Infrastructure;

namespace AlgoTrade.Tests.Exchanges.Simulated;

public class SimulatedMarketTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 15, 13, 37, 20, TimeSpan.Zero);

    private static SimulatedMarketClient Client(long seed = 42, ManualClock? clock = null) =>
        new(new SimulatedMarket(new SimulatedMarketOptions { Seed = seed }), clock ?? new ManualClock(Now));

    private static async Task<IReadOnlyList<Kline>> Klines(SimulatedMarketClient client, string symbol, string tf, int limit)
    {
        var result = await client.GetClosedKlinesAsync(symbol, tf, limit);
        Assert.True(result.Success, result.Error?.ToString());
        return result.Data;
    }

    [Fact]
    public async Task Same_seed_gives_the_same_market_and_another_seed_another()
    {
        var a = await Klines(Client(7), "BTCUSDT", "15m", 300);
        var b = await Klines(Client(7), "BTCUSDT", "15m", 300);
        var c = await Klines(Client(8), "BTCUSDT", "15m", 300);

        Assert.Equal(a, b);
        Assert.NotEqual(a.Select(k => k.Close), c.Select(k => k.Close));
    }

    [Theory]
    [InlineData("BTCUSDT", 10_000, 300_000)]
    [InlineData("ETHUSDT", 500, 20_000)]
    [InlineData("DOGEUSDT", 0.01, 2)]
    public async Task Prices_have_realistic_magnitudes_for_years(string symbol, double min, double max)
    {
        var daily = await Klines(Client(), symbol, "1d", 2000);
        Assert.True(daily.Count > 1500);
        Assert.All(daily, k => Assert.InRange((double)k.Close, min, max));
        Assert.All(daily, k => Assert.True(k.Low <= Math.Min(k.Open, k.Close) && k.High >= Math.Max(k.Open, k.Close)));
    }

    [Fact]
    public async Task Prices_move_with_regimes_and_jumps_not_a_flat_line()
    {
        var hourly = await Klines(Client(), "ETHUSDT", "1h", 1000);
        var returns = hourly.Skip(1).Select((k, i) => Math.Log((double)(k.Close / hourly[i].Close))).ToList();
        var sd = Math.Sqrt(returns.Average(r => r * r));
        Assert.InRange(sd, 0.002, 0.03);
        Assert.Contains(returns, r => Math.Abs(r) > 3 * sd);
    }

    [Theory]
    [InlineData("1h", "1m", 60)]
    [InlineData("4h", "15m", 16)]
    [InlineData("1d", "1h", 24)]
    [InlineData("3d", "1d", 3)]
    [InlineData("1w", "1d", 7)]
    public async Task Higher_timeframes_aggregate_the_same_path(string higher, string lower, int parts)
    {
        var client = Client();
        var big = await Klines(client, "SOLUSDT", higher, 3);
        foreach (var k in big)
        {
            var result = await client.GetClosedKlinesAsync("SOLUSDT", lower, parts, startTime: k.OpenTime);
            var small = result.Data!;
            Assert.Equal(parts, small.Count);
            Assert.Equal(k.OpenTime, small[0].OpenTime);
            Assert.Equal(k.CloseTime, small[^1].CloseTime);
            Assert.Equal(small[0].Open, k.Open);
            Assert.Equal(small[^1].Close, k.Close);
            Assert.Equal(small.Max(s => s.High), k.High);
            Assert.Equal(small.Min(s => s.Low), k.Low);
            Assert.Equal(small.Sum(s => s.Volume), k.Volume);
        }
    }

    [Fact]
    public async Task Now_advances_with_the_clock_and_only_closed_klines_are_served()
    {
        var clock = new ManualClock(Now);
        var client = Client(clock: clock);
        var before = await Klines(client, "BTCUSDT", "1m", 5);
        Assert.Equal(new DateTime(2026, 3, 15, 13, 36, 0, DateTimeKind.Utc), before[^1].OpenTime);
        Assert.All(before, k => Assert.True(k.CloseTime < Now.UtcDateTime));

        clock.Advance(TimeSpan.FromMinutes(1));
        var after = await Klines(client, "BTCUSDT", "1m", 5);

        Assert.Equal(before.Skip(1), after.Take(4));
        Assert.Equal(new DateTime(2026, 3, 15, 13, 37, 0, DateTimeKind.Utc), after[^1].OpenTime);
        // Each kline opens where the previous one closed, and the live price sits on that path.
        Assert.Equal(after[^2].Close, after[^1].Open);
        clock.Set(new DateTimeOffset(after[^1].OpenTime));
        Assert.Equal(after[^1].Open, (await client.GetLastPriceAsync("BTCUSDT")).Data);
    }

    [Fact]
    public async Task Symbols_carry_binance_like_rules_and_unknown_ones_are_bad_symbols()
    {
        var client = Client();
        var symbols = (await client.GetSymbolsAsync()).Data!;
        Assert.Contains(symbols, s => s is { Symbol: "BTCUSDT", BaseAsset: "BTC", QuoteAsset: "USDT", TickSize: 0.01m, StepSize: 0.00001m });
        Assert.True(symbols.Count >= 6);
        Assert.Equal(ExchangeErrorKind.BadSymbol, (await client.GetLastPriceAsync("NOPEUSDT")).Error!.Kind);
    }

    [Fact]
    public async Task A_thousand_bot_ticks_are_cheap()
    {
        var client = Client();
        await Klines(client, "BTCUSDT", "5m", 200);
        var watch = Stopwatch.StartNew();
        for (var bot = 0; bot < 1000; bot++)
        {
            var symbol = SimulatedSymbol.Catalog[bot % SimulatedSymbol.Catalog.Count].Info.Symbol;
            Assert.True((await client.GetClosedKlinesAsync(symbol, bot % 2 == 0 ? "1m" : "5m", 100)).Success);
            Assert.True((await client.GetLastPriceAsync(symbol)).Success);
        }
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"1000 ticks took {watch.Elapsed}");
    }
}

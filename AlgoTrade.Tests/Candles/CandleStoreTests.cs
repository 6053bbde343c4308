using AlgoTrade.Core.Candles;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Market;
using AlgoTrade.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlgoTrade.Tests.Candles;

public class CandleStoreTests
{
    internal static Candle[] Series(DateTime start, Timeframe timeframe, int count, double basePrice = 100)
    {
        var candles = new Candle[count];
        for (var i = 0; i < count; i++)
        {
            var open = basePrice + i % 37 * 0.25;
            var close = open + (i % 2 == 0 ? 0.5 : -0.5);
            candles[i] = new Candle(start + timeframe.Duration * i, open, Math.Max(open, close) + 0.1, Math.Min(open, close) - 0.1, close, 10 + i % 5);
        }
        return candles;
    }

    internal static string NewSymbol(string prefix) => (prefix + Guid.NewGuid().ToString("N")[..8]).ToUpperInvariant();

    [Fact]
    public async Task Writing_the_same_rows_twice_changes_nothing_and_reads_return_them_in_time_order()
    {
        await using var services = CoreServices.Build(await TestDatabase.SharedAsync());
        var store = services.GetRequiredService<CandleStore>();
        var series = CandleSeriesKey.For(ExchangeNames.Binance, NewSymbol("st"), Timeframe.M1);
        var start = new DateTime(2025, 3, 1, 0, 0, 0, DateTimeKind.Utc);
        var candles = Series(start, Timeframe.M1, 2500);

        var first = await store.WriteAsync(series, candles, CancellationToken.None);
        Assert.Equal(new CandleWriteResult(2500, 0), first);

        // Same keys with other prices: the stored rows stay as they were.
        var changed = candles.Select(c => c with { Close = c.Close * 2, High = c.High * 2 }).ToArray();
        var second = await store.WriteAsync(series, changed, CancellationToken.None);
        Assert.Equal(new CandleWriteResult(0, 2500), second);

        var read = await store.LoadAsync(series, start, start.AddDays(3), CancellationToken.None);
        Assert.Equal(candles, read);
        Assert.All(read, c => Assert.Equal(DateTimeKind.Utc, c.OpenTime.Kind));

        var window = await store.LoadAsync(series, start.AddMinutes(100), start.AddMinutes(110), CancellationToken.None);
        Assert.Equal(candles[100..110], window);

        await using var db = TestDatabase.CreateContext(await TestDatabase.SharedAsync());
        Assert.Equal(2500, await db.Candles.CountAsync(c => c.Symbol == series.Symbol));
    }

    [Fact]
    public async Task Coverage_lists_each_unbroken_range_and_the_gaps_between_them()
    {
        await using var services = CoreServices.Build(await TestDatabase.SharedAsync());
        var store = services.GetRequiredService<CandleStore>();
        var series = CandleSeriesKey.For(ExchangeNames.Paper, NewSymbol("cv"), Timeframe.H1);
        Assert.Equal(ExchangeNames.Binance, series.Exchange);
        var start = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var all = Series(start, Timeframe.H1, 100);
        // Stored: hours 0-29, 40-59 and 61-99; missing 30-39 and 60.
        await store.WriteAsync(series, all[..30], CancellationToken.None);
        await store.WriteAsync(series, all[40..60], CancellationToken.None);
        await store.WriteAsync(series, all[61..], CancellationToken.None);
        var other = series with { Timeframe = Timeframe.D1 };
        await store.WriteAsync(other, Series(start, Timeframe.D1, 5), CancellationToken.None);

        var coverage = (await store.CoverageAsync(null, null, null, CancellationToken.None)).Where(c => c.Series.Symbol == series.Symbol).ToList();
        Assert.Equal([series, other], coverage.Select(c => c.Series));
        var hourly = coverage[0];
        Assert.Equal(
            [new CandleRange(start, start.AddHours(30), 30), new CandleRange(start.AddHours(40), start.AddHours(60), 20), new CandleRange(start.AddHours(61), start.AddHours(100), 39)],
            hourly.Ranges);
        Assert.Equal([new CandleRange(start.AddHours(30), start.AddHours(40), 10), new CandleRange(start.AddHours(60), start.AddHours(61), 1)], hourly.Gaps);
        Assert.Equal(89, hourly.Candles);
        Assert.Equal(11, hourly.MissingCandles);
        Assert.Equal([new CandleRange(start, start.AddDays(5), 5)], coverage[1].Ranges);
        Assert.Empty(coverage[1].Gaps);

        var missing = await store.MissingAsync(series, start.AddHours(-2), start.AddHours(102), CancellationToken.None);
        Assert.Equal(
            [
                new CandleRange(start.AddHours(-2), start, 2), new CandleRange(start.AddHours(30), start.AddHours(40), 10),
                new CandleRange(start.AddHours(60), start.AddHours(61), 1), new CandleRange(start.AddHours(100), start.AddHours(102), 2),
            ],
            missing);
        Assert.Empty(await store.MissingAsync(series, start.AddHours(41), start.AddHours(60), CancellationToken.None));
    }
}

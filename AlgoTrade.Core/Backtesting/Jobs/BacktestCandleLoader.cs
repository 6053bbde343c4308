using AlgoTrade.Core.Exchanges;
using AlgoTrade.Core.Market;
using Microsoft.Extensions.Logging;

namespace AlgoTrade.Core.Backtesting.Jobs;

/// <summary>Fetches closed candles in [start, end) from an exchange, <see cref="PageSize"/> per call.</summary>
public sealed class BacktestCandleLoader(IExchangeClientFactory exchanges, ILogger<BacktestCandleLoader> logger)
{
    public const int PageSize = 1000;
    public const int MaxCandles = 200_000;
    private const int MaxRetries = 3;

    /// <summary>How many candles of <paramref name="timeframe"/> open in [start, end).</summary>
    public static long CountCandles(DateTime start, DateTime end, Timeframe timeframe) =>
        end <= start ? 0 : ((end - start).Ticks + timeframe.Duration.Ticks - 1) / timeframe.Duration.Ticks;

    public async Task<Candle[]> LoadAsync(string exchange, string symbol, Timeframe timeframe, DateTime start, DateTime end, CancellationToken ct)
    {
        var client = exchanges.Create(exchange);
        var candles = new List<Candle>((int)Math.Min(CountCandles(start, end, timeframe), MaxCandles));
        var cursor = start;
        // Binance's endTime is inclusive; ours is exclusive.
        var lastOpen = end.AddMilliseconds(-1);
        while (cursor < end)
        {
            var page = await FetchAsync(client, symbol, timeframe, cursor, lastOpen, ct);
            var added = 0;
            foreach (var k in page)
            {
                if (k.OpenTime < cursor || k.OpenTime >= end) continue;
                if (candles.Count >= MaxCandles)
                    throw new BacktestDataException($"More than {MaxCandles:N0} candles between start and end: shorten the period or pick a longer timeframe.");
                candles.Add(k.ToCandle());
                added++;
            }
            if (added == 0) break;
            cursor = candles[^1].OpenTime + timeframe.Duration;
        }
        if (candles.Count == 0)
            throw new BacktestDataException($"{exchange} has no closed {symbol} {timeframe.Code} candles between {start:yyyy-MM-dd HH:mm} and {end:yyyy-MM-dd HH:mm} UTC.");
        logger.LogInformation("Loaded {CandleCount} {Symbol} {Timeframe} candles from {Exchange}", candles.Count, symbol, timeframe.Code, exchange);
        return candles.ToArray();
    }

    private static async Task<IReadOnlyList<Kline>> FetchAsync(
        IExchangeClient client, string symbol, Timeframe timeframe, DateTime from, DateTime to, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var result = await client.GetClosedKlinesAsync(symbol, timeframe.Code, PageSize, from, to, ct);
            if (result.Success) return result.Data;
            if (!result.Error.IsTransient || attempt >= MaxRetries)
                throw new BacktestDataException(
                    $"{client.ExchangeName} did not deliver {symbol} {timeframe.Code} candles from {from:yyyy-MM-dd HH:mm} UTC: {result.Error.Message}");
            var wait = result.Error.RetryAfter ?? TimeSpan.FromSeconds(attempt * 2);
            await Task.Delay(wait > TimeSpan.FromSeconds(30) ? TimeSpan.FromSeconds(30) : wait, ct);
        }
    }
}

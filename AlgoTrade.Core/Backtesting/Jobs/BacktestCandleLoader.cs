using AlgoTrade.Core.Candles;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Exchanges;
using AlgoTrade.Core.Market;
using Microsoft.Extensions.Logging;

namespace AlgoTrade.Core.Backtesting.Jobs;

/// <summary>
/// Closed candles in [start, end) for a backtest. Exchange history comes from the candle store, which first downloads
/// only the ranges it lacks (<see cref="CandleDownloader"/>); a later run over the same period makes no exchange
/// request. The simulated market computes its history and bypasses the store. Gaps the exchange has are left as gaps
/// and reported with the candles (<see cref="CandleGapReport"/>).
/// </summary>
public sealed class BacktestCandleLoader(
    IExchangeClientFactory exchanges, CandleStore store, CandleDownloader downloader, TimeProvider clock, ILogger<BacktestCandleLoader> logger)
{
    public const int PageSize = CandleDownloader.PageSize;
    public const int MaxCandles = 200_000;

    /// <summary>How many candles of <paramref name="timeframe"/> open in [start, end).</summary>
    public static long CountCandles(DateTime start, DateTime end, Timeframe timeframe) =>
        end <= start ? 0 : ((end - start).Ticks + timeframe.Duration.Ticks - 1) / timeframe.Duration.Ticks;

    public async Task<Candle[]> LoadAsync(string exchange, string symbol, Timeframe timeframe, DateTime start, DateTime end, CancellationToken ct) =>
        (await LoadWithGapsAsync(exchange, symbol, timeframe, start, end, ct)).Candles;

    /// <summary>The candles and the gaps they have in [start, end); the part of the period whose candles have not closed yet is no gap.</summary>
    public async Task<BacktestCandles> LoadWithGapsAsync(string exchange, string symbol, Timeframe timeframe, DateTime start, DateTime end, CancellationToken ct)
    {
        if (CountCandles(start, end, timeframe) > MaxCandles)
            throw TooMany();
        Candle[] candles;
        if (exchange == ExchangeNames.Simulated)
        {
            candles = await LoadSimulatedAsync(exchange, symbol, timeframe, start, end, ct);
        }
        else
        {
            var series = CandleSeriesKey.For(exchange, symbol, timeframe);
            try
            {
                await downloader.FillAsync(exchange, series, start, end, ct);
            }
            catch (CandleDownloadException ex)
            {
                throw new BacktestDataException(ex.Message);
            }
            candles = await store.LoadAsync(series, start, end, ct);
        }
        if (candles.Length == 0)
            throw new BacktestDataException($"{exchange} has no closed {symbol} {timeframe.Code} candles between {start:yyyy-MM-dd HH:mm} and {end:yyyy-MM-dd HH:mm} UTC.");
        logger.LogInformation("Loaded {CandleCount} {Symbol} {Timeframe} candles from {Exchange}", candles.Length, symbol, timeframe.Code, exchange);

        var closedEnd = CandleDownloader.ClosedEnd(clock, timeframe);
        var gaps = CandleGapReport.Find(candles, start, end < closedEnd ? end : closedEnd, timeframe);
        if (gaps is { GapCount: > 0 })
            logger.LogWarning("{Exchange} {Symbol} {Timeframe} history has {GapCount} gap(s), {MissingCandles} missing candle(s); the backtest runs over them as they are",
                exchange, symbol, timeframe.Code, gaps.GapCount, gaps.MissingCandles);
        return new BacktestCandles(candles, gaps is { GapCount: > 0 } ? gaps : null);
    }

    private BacktestDataException TooMany() =>
        new($"More than {MaxCandles:N0} candles between start and end: shorten the period or pick a longer timeframe.");

    private async Task<Candle[]> LoadSimulatedAsync(string exchange, string symbol, Timeframe timeframe, DateTime start, DateTime end, CancellationToken ct)
    {
        var client = exchanges.Create(exchange);
        var candles = new List<Candle>((int)Math.Min(CountCandles(start, end, timeframe), MaxCandles));
        var cursor = start;
        var lastOpen = end.AddMilliseconds(-1);
        while (cursor < end)
        {
            var result = await client.GetClosedKlinesAsync(symbol, timeframe.Code, PageSize, cursor, lastOpen, ct);
            if (!result.Success)
                throw new BacktestDataException($"{exchange} did not deliver {symbol} {timeframe.Code} candles from {cursor:yyyy-MM-dd HH:mm} UTC: {result.Error.Message}");
            var added = 0;
            foreach (var k in result.Data)
            {
                if (k.OpenTime < cursor || k.OpenTime >= end) continue;
                if (candles.Count >= MaxCandles) throw TooMany();
                candles.Add(k.ToCandle());
                added++;
            }
            if (added == 0) break;
            cursor = candles[^1].OpenTime + timeframe.Duration;
        }
        return [.. candles];
    }
}

using AlgoTrade.Core.Exchanges;
using AlgoTrade.Core.Market;
using Microsoft.Extensions.Logging;

namespace AlgoTrade.Core.Candles;

/// <summary>
/// Fills the store from an exchange: only the parts of a period the store lacks, <see cref="PageSize"/> candles per
/// request, each page committed as it arrives, so an interrupted download resumes where it stopped. Request weight
/// and 429/418 back-off are the Binance transport's; transient failures are retried after the Retry-After the client
/// reports.
/// </summary>
public sealed class CandleDownloader(IExchangeClientFactory exchanges, CandleStore store, TimeProvider clock, ILogger<CandleDownloader> logger)
{
    public const int PageSize = 1000;
    private const int MaxRetries = 3;
    private static readonly TimeSpan MaxRetryWait = TimeSpan.FromSeconds(30);

    public async Task<CandleDownloadResult> FillAsync(string exchange, CandleSeriesKey series, DateTime from, DateTime to, CancellationToken ct)
    {
        var missing = await store.MissingAsync(series, from, to, ct);
        if (missing.Count == 0) return new CandleDownloadResult(0, default, []);

        var client = exchanges.Create(exchange);
        var requests = 0;
        CandleWriteResult written = default;
        var gaps = new List<CandleRange>();
        var timeframe = series.Timeframe;
        var step = timeframe.Duration;
        var closedEnd = ClosedEnd(clock, timeframe);
        foreach (var range in missing)
        {
            var cursor = range.From;
            var expected = range.From;
            while (cursor < range.To)
            {
                // Binance's endTime is inclusive; ours is exclusive.
                var (page, calls) = await FetchAsync(client, series, cursor, range.To.AddMilliseconds(-1), ct);
                requests += calls;
                var candles = new List<Candle>(page.Count);
                foreach (var k in page)
                    if (k.OpenTime >= cursor && k.OpenTime < range.To)
                        candles.Add(k.ToCandle());
                if (candles.Count == 0) break;
                written += await store.WriteAsync(series, candles.ToArray(), ct);
                foreach (var c in candles)
                {
                    if (c.OpenTime > expected) gaps.Add(CandleRange.Spanning(expected, c.OpenTime, timeframe));
                    expected = c.OpenTime + step;
                }
                cursor = candles[^1].OpenTime + step;
            }
            var closedTo = range.To < closedEnd ? range.To : closedEnd;
            if (expected < closedTo)
                gaps.Add(CandleRange.Spanning(expected, closedTo, timeframe));
        }
        logger.LogInformation("Downloaded {Inserted} {Series} candles from {Exchange} in {Requests} request(s) for {MissingRanges} missing range(s)",
            written.Inserted, series.ToString(), exchange, requests, missing.Count);
        foreach (var gap in gaps)
            logger.LogWarning("{Exchange} has no {Series} candles from {GapFrom:O} to {GapTo:O} ({MissingCandles} candles)",
                exchange, series.ToString(), gap.From, gap.To, gap.Candles);
        return new CandleDownloadResult(requests, written, gaps);
    }

    /// <summary>Candles opening before the start of the current interval are closed; later ones are not a gap yet.</summary>
    public static DateTime ClosedEnd(TimeProvider clock, Timeframe timeframe)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return new DateTime(now.Ticks - now.Ticks % timeframe.Duration.Ticks, DateTimeKind.Utc);
    }

    private static async Task<(IReadOnlyList<Kline> Page, int Requests)> FetchAsync(
        IExchangeClient client, CandleSeriesKey series, DateTime from, DateTime to, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var result = await client.GetClosedKlinesAsync(series.Symbol, series.Timeframe.Code, PageSize, from, to, ct);
            if (result.Success) return (result.Data, attempt);
            if (!result.Error.IsTransient || attempt >= MaxRetries)
                throw new CandleDownloadException(
                    $"{client.ExchangeName} did not deliver {series.Symbol} {series.Timeframe.Code} candles from {from:yyyy-MM-dd HH:mm} UTC: {result.Error.Message}");
            var wait = result.Error.RetryAfter ?? TimeSpan.FromSeconds(attempt * 2);
            await Task.Delay(wait > MaxRetryWait ? MaxRetryWait : wait, ct);
        }
    }
}

using System.Collections.Concurrent;
using AlgoTrade.Core.Exchanges;
using Microsoft.Extensions.Logging;

namespace AlgoTrade.Core.Monitoring;

/// <summary>
/// Last prices for open pages, shared by every circuit: one exchange request per exchange and symbol per
/// <see cref="MaxAge"/> however many cards and tabs show it. Ages are measured on the monotonic timestamp, so a
/// test clock that runs fast does not change how often an exchange is asked.
/// </summary>
public sealed class LastPriceCache(IExchangeClientFactory exchanges, TimeProvider clock, ILogger<LastPriceCache> logger)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<(string Exchange, string Symbol), Lazy<Task<Entry>>> _entries = new();

    /// <summary>The price, or null when the exchange cannot answer right now (the page keeps the bot's stored price).</summary>
    public async Task<decimal?> GetAsync(string exchange, string symbol, CancellationToken ct = default)
    {
        var key = (exchange, symbol);
        while (true)
        {
            var lazy = _entries.GetOrAdd(key, k => new Lazy<Task<Entry>>(() => FetchAsync(k.Exchange, k.Symbol)));
            var entry = await lazy.Value.WaitAsync(ct);
            if (clock.GetElapsedTime(entry.FetchedAt) < MaxAge)
                return entry.Price;
            // Stale: drop exactly this entry (another caller may already have replaced it) and fetch again.
            _entries.TryRemove(new KeyValuePair<(string, string), Lazy<Task<Entry>>>(key, lazy));
        }
    }

    private async Task<Entry> FetchAsync(string exchange, string symbol)
    {
        try
        {
            var result = await exchanges.Create(exchange).GetLastPriceAsync(symbol);
            if (result.Success)
                return new Entry(result.Data, clock.GetTimestamp());
            logger.LogDebug("Last price of {Symbol} on {Exchange} unavailable: {Error}", symbol, exchange, result.Error.Message);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or ArgumentException)
        {
            logger.LogDebug(ex, "Last price of {Symbol} on {Exchange} unavailable", symbol, exchange);
        }
        return new Entry(null, clock.GetTimestamp());
    }

    private sealed record Entry(decimal? Price, long FetchedAt);
}

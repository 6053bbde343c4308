namespace AlgoTrade.Core.Exchanges.Binance;

/// <summary>State shared by every client of one base URL: the weight limiter, the server clock offset and exchangeInfo.</summary>
public sealed class BinanceEndpoint(string baseUrl, BinanceOptions options, TimeProvider clock)
{
    private long _offsetMs;

    public string BaseUrl { get; } = baseUrl;
    public BinanceWeightLimiter Limiter { get; } = new(options.MaxWeightPerMinute, options.MaxRateLimitWait, clock);
    public SemaphoreSlim TimeSyncGate { get; } = new(1, 1);
    public SemaphoreSlim ExchangeInfoGate { get; } = new(1, 1);

    public bool TimeSynced { get; private set; }
    /// <summary>Bumped on every resync so concurrent -1021 failures trigger one /time call, not one each.</summary>
    public int TimeSyncVersion { get; private set; }

    public TimeSpan ServerTimeOffset => TimeSpan.FromMilliseconds(Interlocked.Read(ref _offsetMs));

    public IReadOnlyDictionary<string, SymbolInfo>? Symbols { get; private set; }
    public DateTimeOffset SymbolsFetchedAt { get; private set; }

    public DateTimeOffset ServerNow => clock.GetUtcNow() + ServerTimeOffset;

    public void SetServerTimeOffset(TimeSpan offset)
    {
        Interlocked.Exchange(ref _offsetMs, (long)offset.TotalMilliseconds);
        TimeSynced = true;
        TimeSyncVersion++;
    }

    public void SetSymbols(IReadOnlyDictionary<string, SymbolInfo> symbols, DateTimeOffset fetchedAt)
    {
        Symbols = symbols;
        SymbolsFetchedAt = fetchedAt;
    }
}

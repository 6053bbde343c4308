namespace AlgoTrade.Core.Exchanges;

/// <summary>Public market data; needs no credentials.</summary>
public interface IMarketDataClient
{
    /// <summary>One of <see cref="Domain.ExchangeNames"/>.</summary>
    string ExchangeName { get; }

    Task<ExchangeResult<DateTime>> GetServerTimeAsync(CancellationToken ct = default);

    Task<ExchangeResult<IReadOnlyList<SymbolInfo>>> GetSymbolsAsync(CancellationToken ct = default);

    Task<ExchangeResult<SymbolInfo>> GetSymbolAsync(string symbol, CancellationToken ct = default);

    /// <summary>
    /// Closed klines only, oldest first. Without <paramref name="startTime"/> the most recent <paramref name="limit"/>;
    /// with it, up to <paramref name="limit"/> klines opening at or after it (and at or before <paramref name="endTime"/>).
    /// </summary>
    Task<ExchangeResult<IReadOnlyList<Kline>>> GetClosedKlinesAsync(
        string symbol, string timeframe, int limit = 500, DateTime? startTime = null, DateTime? endTime = null, CancellationToken ct = default);

    Task<ExchangeResult<decimal>> GetLastPriceAsync(string symbol, CancellationToken ct = default);
}

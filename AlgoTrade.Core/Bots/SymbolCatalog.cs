using System.Collections.Concurrent;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Exchanges;
using Microsoft.Extensions.Logging;

namespace AlgoTrade.Core.Bots;

/// <summary>
/// Each exchange's trading symbols for the form's picker and the validator, cached because Binance's exchangeInfo
/// is heavy (weight 20) and changes rarely. A failed fetch is remembered briefly so a dead network is not hammered.
/// </summary>
public sealed class SymbolCatalog(IExchangeClientFactory exchanges, TimeProvider clock, ILogger<SymbolCatalog> logger)
{
    private static readonly TimeSpan Fresh = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan FailureMemory = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan FetchTimeout = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<string, Entry> _cache = new(StringComparer.Ordinal);

    /// <summary>The exchange's symbols that are trading now, sorted; null when the exchange cannot be asked.</summary>
    public async Task<IReadOnlyList<SymbolInfo>?> GetTradingSymbolsAsync(string exchangeName, CancellationToken ct = default)
    {
        if (!ExchangeNames.IsValid(exchangeName)) return null;
        var now = clock.GetUtcNow().UtcDateTime;
        if (_cache.TryGetValue(exchangeName, out var entry) && now - entry.At < (entry.Symbols is null ? FailureMemory : Fresh))
            return entry.Symbols;

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(FetchTimeout);
        IReadOnlyList<SymbolInfo>? symbols = null;
        try
        {
            var result = await exchanges.Create(exchangeName).GetSymbolsAsync(timeout.Token);
            if (result.Success)
                symbols = result.Data.Where(s => s.IsTrading).OrderBy(s => s.Symbol, StringComparer.Ordinal).ToList();
            else
                logger.LogWarning("Could not load the symbols of {Exchange}: {Error}", exchangeName, result.Error.ToString());
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning("Loading the symbols of {Exchange} timed out", exchangeName);
        }
        _cache[exchangeName] = new Entry(now, symbols);
        return symbols;
    }

    /// <summary>The last traded price, for the form's preview; null when unavailable.</summary>
    public async Task<decimal?> GetLastPriceAsync(string exchangeName, string symbol, CancellationToken ct = default)
    {
        if (!ExchangeNames.IsValid(exchangeName) || string.IsNullOrWhiteSpace(symbol)) return null;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(FetchTimeout);
        try
        {
            var result = await exchanges.Create(exchangeName).GetLastPriceAsync(symbol.Trim().ToUpperInvariant(), timeout.Token);
            return result.Success ? result.Data : null;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return null;
        }
    }

    private sealed record Entry(DateTime At, IReadOnlyList<SymbolInfo>? Symbols);
}

using System.Globalization;
using Microsoft.Extensions.Logging;

namespace AlgoTrade.Core.Exchanges.Binance;

/// <summary>Public market data endpoints (Binance.Net's SpotApi.ExchangeData).</summary>
public sealed class BinanceExchangeDataClient
{
    public const int MaxKlinesPerCall = 1000;

    private readonly BinanceTransport _transport;
    private readonly BinanceOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;

    internal BinanceExchangeDataClient(BinanceTransport transport, BinanceOptions options, TimeProvider clock, ILogger logger)
    {
        _transport = transport;
        _options = options;
        _clock = clock;
        _logger = logger;
    }

    public async Task<ExchangeResult<TimeSpan>> PingAsync(CancellationToken ct = default)
    {
        var started = _clock.GetTimestamp();
        var result = await _transport.SendAsync(HttpMethod.Get, "/api/v3/ping", [], signed: false, weight: 1, ct);
        return result.Map(_ => _clock.GetElapsedTime(started));
    }

    public async Task<ExchangeResult<DateTime>> GetServerTimeAsync(CancellationToken ct = default)
    {
        var result = await _transport.SendAsync(HttpMethod.Get, "/api/v3/time", [], signed: false, weight: 1, ct);
        return result.Map(r => BinanceJson.Time(r.GetProperty("serverTime").GetInt64()));
    }

    /// <summary>Every symbol's rules from /exchangeInfo, fetched once per base URL and refreshed hourly.</summary>
    public async Task<ExchangeResult<IReadOnlyDictionary<string, SymbolInfo>>> GetExchangeInfoAsync(CancellationToken ct = default)
    {
        var endpoint = _transport.Endpoint;
        if (Fresh(endpoint) is { } cached)
            return ExchangeResult<IReadOnlyDictionary<string, SymbolInfo>>.Ok(cached);
        await endpoint.ExchangeInfoGate.WaitAsync(ct);
        try
        {
            if (Fresh(endpoint) is { } fetchedMeanwhile)
                return ExchangeResult<IReadOnlyDictionary<string, SymbolInfo>>.Ok(fetchedMeanwhile);
            var result = await _transport.SendAsync(HttpMethod.Get, "/api/v3/exchangeInfo", [], signed: false, weight: 20, ct);
            if (!result.Success)
            {
                // A stale list beats none while the exchange is briefly unreachable.
                return endpoint.Symbols is { } stale
                    ? ExchangeResult<IReadOnlyDictionary<string, SymbolInfo>>.Ok(stale)
                    : result.As<IReadOnlyDictionary<string, SymbolInfo>>();
            }
            var symbols = result.Data.GetProperty("symbols").EnumerateArray()
                .Select(BinanceJson.Symbol)
                .ToDictionary(s => s.Symbol, StringComparer.Ordinal);
            endpoint.SetSymbols(symbols, _clock.GetUtcNow());
            _logger.LogInformation("Loaded {SymbolCount} symbols from {BaseUrl}", symbols.Count, endpoint.BaseUrl);
            return ExchangeResult<IReadOnlyDictionary<string, SymbolInfo>>.Ok(symbols);
        }
        finally
        {
            endpoint.ExchangeInfoGate.Release();
        }
    }

    public async Task<ExchangeResult<SymbolInfo>> GetSymbolAsync(string symbol, CancellationToken ct = default)
    {
        var info = await GetExchangeInfoAsync(ct);
        if (!info.Success)
            return info.As<SymbolInfo>();
        return info.Data.TryGetValue(symbol.ToUpperInvariant(), out var found)
            ? ExchangeResult<SymbolInfo>.Ok(found)
            : ExchangeResult<SymbolInfo>.Fail(ExchangeErrorKind.BadSymbol, $"Unknown symbol '{symbol}'.", BinanceErrors.BadSymbol);
    }

    public async Task<ExchangeResult<decimal>> GetLastPriceAsync(string symbol, CancellationToken ct = default)
    {
        var result = await _transport.SendAsync(HttpMethod.Get, "/api/v3/ticker/price", [new("symbol", symbol.ToUpperInvariant())], signed: false, weight: 2, ct);
        return result.Map(r => BinanceJson.Decimal(r, "price"));
    }

    /// <summary>Closed klines, oldest first; pages through ranges longer than 1000 klines.</summary>
    public async Task<ExchangeResult<IReadOnlyList<Kline>>> GetClosedKlinesAsync(
        string symbol, string interval, int limit = 500, DateTime? startTime = null, DateTime? endTime = null, CancellationToken ct = default)
    {
        if (!KlineIntervals.IsValid(interval))
            return ExchangeResult<IReadOnlyList<Kline>>.Fail(ExchangeErrorKind.InvalidRequest, $"Unknown timeframe '{interval}'.");
        if (limit <= 0)
            return ExchangeResult<IReadOnlyList<Kline>>.Ok([]);
        symbol = symbol.ToUpperInvariant();
        var now = _transport.Endpoint.ServerNow.UtcDateTime;
        var length = KlineIntervals.Length(interval);

        if (startTime is null && endTime is null && limit < MaxKlinesPerCall)
        {
            // The last kline Binance returns is usually still open; ask for one more and drop it.
            var page = await FetchAsync(symbol, interval, limit + 1, null, null, ct);
            if (!page.Success)
                return page;
            var closed = page.Data.Where(k => k.CloseTime < now).ToList();
            return ExchangeResult<IReadOnlyList<Kline>>.Ok(closed.Skip(Math.Max(0, closed.Count - limit)).ToList());
        }

        var end = endTime ?? now;
        var cursor = startTime ?? KlineIntervals.OpenTimeOf(interval, end) - length * limit;
        var result = new List<Kline>(Math.Min(limit, 10_000));
        while (result.Count < limit)
        {
            var want = Math.Min(MaxKlinesPerCall, limit - result.Count);
            var page = await FetchAsync(symbol, interval, want, cursor, end, ct);
            if (!page.Success)
                return page;
            foreach (var k in page.Data)
            {
                if (k.CloseTime >= now || result.Count >= limit)
                    break;
                result.Add(k);
            }
            if (page.Data.Count < want || page.Data[^1].CloseTime >= now)
                break;
            cursor = page.Data[^1].OpenTime + length;
        }
        if (startTime is null && result.Count > limit)
            result.RemoveRange(0, result.Count - limit);
        return ExchangeResult<IReadOnlyList<Kline>>.Ok(result);
    }

    private async Task<ExchangeResult<IReadOnlyList<Kline>>> FetchAsync(
        string symbol, string interval, int limit, DateTime? start, DateTime? end, CancellationToken ct)
    {
        var query = new List<KeyValuePair<string, string>>
        {
            new("symbol", symbol),
            new("interval", interval),
            new("limit", limit.ToString(CultureInfo.InvariantCulture)),
        };
        if (start is { } s)
            query.Add(new("startTime", BinanceJson.UnixMs(s).ToString(CultureInfo.InvariantCulture)));
        if (end is { } e)
            query.Add(new("endTime", BinanceJson.UnixMs(e).ToString(CultureInfo.InvariantCulture)));
        var result = await _transport.SendAsync(HttpMethod.Get, "/api/v3/klines", query, signed: false, weight: 2, ct);
        return result.Map<IReadOnlyList<Kline>>(r => r.EnumerateArray().Select(BinanceJson.Kline).ToList());
    }

    private IReadOnlyDictionary<string, SymbolInfo>? Fresh(BinanceEndpoint endpoint) =>
        endpoint.Symbols is { } symbols && _clock.GetUtcNow() - endpoint.SymbolsFetchedAt < _options.ExchangeInfoRefresh ? symbols : null;
}

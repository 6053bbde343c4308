using System.Collections.Concurrent;

namespace AlgoTrade.Core.Exchanges.Binance;

/// <summary>Process-wide: one <see cref="BinanceEndpoint"/> per base URL, so all bots share one weight budget.</summary>
public sealed class BinanceEndpointRegistry(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, BinanceEndpoint> _endpoints = new(StringComparer.OrdinalIgnoreCase);

    public BinanceEndpoint Get(BinanceOptions options) =>
        _endpoints.GetOrAdd(options.BaseUrl.TrimEnd('/'), url => new BinanceEndpoint(url, options, clock));
}

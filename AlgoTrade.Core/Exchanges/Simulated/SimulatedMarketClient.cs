using AlgoTrade.Core.Domain;

namespace AlgoTrade.Core.Exchanges.Simulated;

/// <summary>Market data from <see cref="SimulatedMarket"/> with "now" from the injected clock; no network at all.</summary>
public sealed class SimulatedMarketClient(SimulatedMarket market, TimeProvider clock) : IMarketDataClient
{
    public string ExchangeName => ExchangeNames.Simulated;

    public Task<ExchangeResult<DateTime>> GetServerTimeAsync(CancellationToken ct = default) =>
        Task.FromResult(ExchangeResult<DateTime>.Ok(clock.GetUtcNow().UtcDateTime));

    public Task<ExchangeResult<IReadOnlyList<SymbolInfo>>> GetSymbolsAsync(CancellationToken ct = default) =>
        Task.FromResult(ExchangeResult<IReadOnlyList<SymbolInfo>>.Ok(market.Symbols));

    public Task<ExchangeResult<SymbolInfo>> GetSymbolAsync(string symbol, CancellationToken ct = default) =>
        Task.FromResult(market.FindSymbol(symbol) is { } info
            ? ExchangeResult<SymbolInfo>.Ok(info)
            : UnknownSymbol<SymbolInfo>(symbol));

    public Task<ExchangeResult<decimal>> GetLastPriceAsync(string symbol, CancellationToken ct = default) =>
        Task.FromResult(market.FindSymbol(symbol) is null
            ? UnknownSymbol<decimal>(symbol)
            : ExchangeResult<decimal>.Ok(market.PriceAt(symbol, clock.GetUtcNow().UtcDateTime)));

    public Task<ExchangeResult<IReadOnlyList<Kline>>> GetClosedKlinesAsync(
        string symbol, string timeframe, int limit = 500, DateTime? startTime = null, DateTime? endTime = null, CancellationToken ct = default)
    {
        if (market.FindSymbol(symbol) is null)
            return Task.FromResult(UnknownSymbol<IReadOnlyList<Kline>>(symbol));
        if (!KlineIntervals.IsValid(timeframe))
            return Task.FromResult(ExchangeResult<IReadOnlyList<Kline>>.Fail(ExchangeErrorKind.InvalidRequest, $"Unknown timeframe '{timeframe}'."));
        if (limit <= 0)
            return Task.FromResult(ExchangeResult<IReadOnlyList<Kline>>.Ok([]));

        var length = KlineIntervals.Length(timeframe);
        var now = clock.GetUtcNow().UtcDateTime;
        var lastOpen = KlineIntervals.OpenTimeOf(timeframe, now) - length;
        if (endTime is { } end && KlineIntervals.OpenTimeOf(timeframe, end) < lastOpen)
            lastOpen = KlineIntervals.OpenTimeOf(timeframe, end);
        DateTime firstOpen;
        if (startTime is { } start)
        {
            firstOpen = KlineIntervals.OpenTimeOf(timeframe, start);
            if (firstOpen < start)
                firstOpen += length;
            var cap = firstOpen + length * (limit - 1);
            if (cap < lastOpen)
                lastOpen = cap;
        }
        else
        {
            firstOpen = lastOpen - length * (limit - 1);
        }
        var origin = KlineIntervals.OpenTimeOf(timeframe, SimulatedMarket.Origin);
        if (origin < SimulatedMarket.Origin)
            origin += length;
        if (firstOpen < origin)
            firstOpen = origin;
        IReadOnlyList<Kline> klines = firstOpen > lastOpen ? [] : market.GetKlines(symbol, timeframe, firstOpen, lastOpen);
        return Task.FromResult(ExchangeResult<IReadOnlyList<Kline>>.Ok(klines));
    }

    private static ExchangeResult<T> UnknownSymbol<T>(string symbol) =>
        ExchangeResult<T>.Fail(ExchangeErrorKind.BadSymbol, $"Unknown symbol '{symbol}' on the simulated exchange.", -1121);
}

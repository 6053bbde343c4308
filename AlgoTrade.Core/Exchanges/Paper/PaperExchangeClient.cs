namespace AlgoTrade.Core.Exchanges.Paper;

/// <summary>
/// One bot's virtual account: market data from <paramref name="market"/> (real Binance for paper, the synthetic market
/// for simulated), fills and balances from <see cref="PaperLedger"/>. Without a bot id (and ledger) only market data works.
/// </summary>
public sealed class PaperExchangeClient(string exchangeName, IMarketDataClient market, PaperLedger? ledger, int? botId) : IExchangeClient
{
    public string ExchangeName => exchangeName;

    public Task<ExchangeResult<DateTime>> GetServerTimeAsync(CancellationToken ct = default) => market.GetServerTimeAsync(ct);

    public Task<ExchangeResult<IReadOnlyList<SymbolInfo>>> GetSymbolsAsync(CancellationToken ct = default) => market.GetSymbolsAsync(ct);

    public Task<ExchangeResult<SymbolInfo>> GetSymbolAsync(string symbol, CancellationToken ct = default) => market.GetSymbolAsync(symbol, ct);

    public Task<ExchangeResult<IReadOnlyList<Kline>>> GetClosedKlinesAsync(
        string symbol, string timeframe, int limit = 500, DateTime? startTime = null, DateTime? endTime = null, CancellationToken ct = default) =>
        market.GetClosedKlinesAsync(symbol, timeframe, limit, startTime, endTime, ct);

    public Task<ExchangeResult<decimal>> GetLastPriceAsync(string symbol, CancellationToken ct = default) => market.GetLastPriceAsync(symbol, ct);

    public async Task<ExchangeResult<IReadOnlyList<Balance>>> GetBalancesAsync(CancellationToken ct = default)
    {
        var ready = await PrepareAsync(ct);
        if (!ready.Success)
            return ready.As<IReadOnlyList<Balance>>();
        return ExchangeResult<IReadOnlyList<Balance>>.Ok(await Ledger.GetBalancesAsync(ready.Data, ct));
    }

    public async Task<ExchangeResult<ExchangeOrder>> PlaceOrderAsync(OrderRequest request, CancellationToken ct = default)
    {
        var symbol = await market.GetSymbolAsync(request.Symbol, ct);
        if (!symbol.Success)
            return symbol.As<ExchangeOrder>();
        var last = await market.GetLastPriceAsync(symbol.Data.Symbol, ct);
        if (!last.Success)
            return last.As<ExchangeOrder>();
        var filtered = OrderFilters.Apply(symbol.Data, request with { Symbol = symbol.Data.Symbol }, last.Data);
        if (!filtered.Success)
            return filtered.As<ExchangeOrder>();
        var ready = await PrepareAsync(ct);
        if (!ready.Success)
            return ready.As<ExchangeOrder>();
        return await Ledger.PlaceAsync(ready.Data, exchangeName, symbol.Data, filtered.Data, last.Data, ct);
    }

    public async Task<ExchangeResult<ExchangeOrder>> GetOrderAsync(string symbol, string clientOrderId, CancellationToken ct = default)
    {
        var ready = await PrepareAsync(ct);
        return ready.Success ? await Ledger.GetOrderAsync(ready.Data, symbol, clientOrderId, ct) : ready.As<ExchangeOrder>();
    }

    public async Task<ExchangeResult<ExchangeOrder>> CancelOrderAsync(string symbol, string clientOrderId, CancellationToken ct = default)
    {
        var ready = await PrepareAsync(ct);
        return ready.Success ? await Ledger.CancelAsync(ready.Data, symbol, clientOrderId, ct) : ready.As<ExchangeOrder>();
    }

    private PaperLedger Ledger => ledger!;

    /// <summary>Opens the bot's account on first use and fills limit orders the market has reached since the last call.</summary>
    private async Task<ExchangeResult<int>> PrepareAsync(CancellationToken ct)
    {
        if (botId is not { } id || ledger is null)
            return ExchangeResult<int>.Fail(ExchangeErrorKind.InvalidRequest, $"The {exchangeName} exchange trades per bot; no bot id was given.");
        var seeded = await Ledger.EnsureSeededAsync(id, market.GetSymbolAsync, ct);
        if (!seeded.Success)
            return seeded.As<int>();
        var matched = await Ledger.MatchOpenOrdersAsync(id, market.GetLastPriceAsync, ct);
        return matched.Success ? ExchangeResult<int>.Ok(id) : matched.As<int>();
    }
}

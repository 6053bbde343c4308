using Microsoft.Extensions.Logging;

namespace AlgoTrade.Core.Exchanges.Binance;

/// <summary>
/// Binance Spot REST client grouped like Binance.Net's SpotApi (ExchangeData / Trading / Account) and usable as an
/// <see cref="IExchangeClient"/>. Without credentials only the public endpoints work.
/// </summary>
public sealed class BinanceSpotClient : IExchangeClient
{
    public const string HttpClientName = "binance";

    private readonly BinanceTransport _transport;

    public BinanceSpotClient(
        string exchangeName, HttpClient http, BinanceOptions options, BinanceEndpoint endpoint, ExchangeCredentials? credentials,
        TimeProvider clock, ILogger<BinanceSpotClient> logger)
    {
        ExchangeName = exchangeName;
        _transport = new BinanceTransport(http, options, endpoint, credentials, clock, logger);
        ExchangeData = new BinanceExchangeDataClient(_transport, options, clock, logger);
        Trading = new BinanceTradingClient(_transport, ExchangeData, logger);
        Account = new BinanceAccountClient(_transport);
    }

    public string ExchangeName { get; }
    public BinanceExchangeDataClient ExchangeData { get; }
    public BinanceTradingClient Trading { get; }
    public BinanceAccountClient Account { get; }

    public Task<ExchangeResult<DateTime>> GetServerTimeAsync(CancellationToken ct = default) => ExchangeData.GetServerTimeAsync(ct);

    public async Task<ExchangeResult<IReadOnlyList<SymbolInfo>>> GetSymbolsAsync(CancellationToken ct = default) =>
        (await ExchangeData.GetExchangeInfoAsync(ct)).Map<IReadOnlyList<SymbolInfo>>(d => d.Values.OrderBy(s => s.Symbol, StringComparer.Ordinal).ToList());

    public Task<ExchangeResult<SymbolInfo>> GetSymbolAsync(string symbol, CancellationToken ct = default) => ExchangeData.GetSymbolAsync(symbol, ct);

    public Task<ExchangeResult<IReadOnlyList<Kline>>> GetClosedKlinesAsync(
        string symbol, string timeframe, int limit = 500, DateTime? startTime = null, DateTime? endTime = null, CancellationToken ct = default) =>
        ExchangeData.GetClosedKlinesAsync(symbol, timeframe, limit, startTime, endTime, ct);

    public Task<ExchangeResult<decimal>> GetLastPriceAsync(string symbol, CancellationToken ct = default) => ExchangeData.GetLastPriceAsync(symbol, ct);

    public async Task<ExchangeResult<IReadOnlyList<Balance>>> GetBalancesAsync(CancellationToken ct = default) =>
        (await Account.GetAccountInfoAsync(ct)).Map(a => a.Balances);

    public TimeSpan OrderInFlightWindow => Trading.OrderInFlightWindow;

    public Task<ExchangeResult<ExchangeOrder>> PlaceOrderAsync(OrderRequest request, CancellationToken ct = default) => Trading.PlaceOrderAsync(request, ct);

    public Task<ExchangeResult<ExchangeOrder>> GetOrderAsync(string symbol, string clientOrderId, CancellationToken ct = default) =>
        Trading.GetOrderAsync(symbol, clientOrderId, ct);

    public Task<ExchangeResult<ExchangeOrder>> CancelOrderAsync(string symbol, string clientOrderId, CancellationToken ct = default) =>
        Trading.CancelOrderAsync(symbol, clientOrderId, ct);
}

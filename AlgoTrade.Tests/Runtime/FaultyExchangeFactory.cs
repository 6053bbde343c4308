using AlgoTrade.Core.Exchanges;

namespace AlgoTrade.Tests.Runtime;

/// <summary>Wraps the real exchanges to inject failures the way a crashing process or a broken network would.</summary>
public sealed class FaultyExchangeFactory(IExchangeClientFactory inner) : IExchangeClientFactory
{
    /// <summary>Throw right after the exchange accepted this many orders (then behave): a crash before the tick commits.</summary>
    public int CrashAfterPlacingOrders { get; set; }

    /// <summary>Fail this many kline requests with the given error.</summary>
    public int FailKlines { get; set; }
    public ExchangeErrorKind KlineError { get; set; } = ExchangeErrorKind.Unavailable;

    /// <summary>Report each fill's commission in BNB (as Binance does with its fee discount), converted at this BNB price.</summary>
    public decimal? CommissionInBnbAt { get; set; }

    /// <summary>
    /// Hold this many orders back and throw, as if the process died while the request was still on its way; the held
    /// order reaches the exchange only at <see cref="ReleaseHeldOrdersAsync"/> (it executes late).
    /// </summary>
    public int HoldOrders { get; set; }

    /// <summary>What the wrapped client reports as <see cref="IExchangeClient.OrderInFlightWindow"/>.</summary>
    public TimeSpan InFlightWindow { get; set; }

    public int OrdersPlaced;
    public int OrdersHeld => _held.Count;

    private readonly List<(IExchangeClient Client, OrderRequest Request)> _held = [];

    public async Task ReleaseHeldOrdersAsync()
    {
        foreach (var (client, request) in _held)
        {
            var result = await client.PlaceOrderAsync(request);
            if (result.Success) Interlocked.Increment(ref OrdersPlaced);
        }
        _held.Clear();
    }

    public IExchangeClient Create(string exchangeName, ExchangeCredentials? credentials = null, int? botId = null) =>
        new Client(this, inner.Create(exchangeName, credentials, botId));

    private sealed class Client(FaultyExchangeFactory faults, IExchangeClient inner) : IExchangeClient
    {
        public string ExchangeName => inner.ExchangeName;
        public TimeSpan OrderInFlightWindow => faults.InFlightWindow;
        public Task<ExchangeResult<DateTime>> GetServerTimeAsync(CancellationToken ct = default) => inner.GetServerTimeAsync(ct);
        public Task<ExchangeResult<IReadOnlyList<SymbolInfo>>> GetSymbolsAsync(CancellationToken ct = default) => inner.GetSymbolsAsync(ct);
        public Task<ExchangeResult<SymbolInfo>> GetSymbolAsync(string symbol, CancellationToken ct = default) => inner.GetSymbolAsync(symbol, ct);
        public Task<ExchangeResult<decimal>> GetLastPriceAsync(string symbol, CancellationToken ct = default) => inner.GetLastPriceAsync(symbol, ct);
        public Task<ExchangeResult<IReadOnlyList<Balance>>> GetBalancesAsync(CancellationToken ct = default) => inner.GetBalancesAsync(ct);
        public Task<ExchangeResult<ExchangeOrder>> GetOrderAsync(string symbol, string clientOrderId, CancellationToken ct = default) => inner.GetOrderAsync(symbol, clientOrderId, ct);
        public Task<ExchangeResult<ExchangeOrder>> CancelOrderAsync(string symbol, string clientOrderId, CancellationToken ct = default) => inner.CancelOrderAsync(symbol, clientOrderId, ct);

        public Task<ExchangeResult<IReadOnlyList<Kline>>> GetClosedKlinesAsync(string symbol, string timeframe, int limit = 500, DateTime? startTime = null, DateTime? endTime = null, CancellationToken ct = default)
        {
            if (faults.FailKlines > 0)
            {
                faults.FailKlines--;
                return Task.FromResult(ExchangeResult<IReadOnlyList<Kline>>.Fail(faults.KlineError, "injected failure"));
            }
            return inner.GetClosedKlinesAsync(symbol, timeframe, limit, startTime, endTime, ct);
        }

        public async Task<ExchangeResult<ExchangeOrder>> PlaceOrderAsync(OrderRequest request, CancellationToken ct = default)
        {
            if (faults.HoldOrders > 0)
            {
                faults.HoldOrders--;
                faults._held.Add((inner, request));
                throw new InvalidOperationException("Simulated crash while the order was still on its way to the exchange");
            }
            var result = await inner.PlaceOrderAsync(request, ct);
            if (result.Success && faults.CommissionInBnbAt is { } bnb)
                result = ExchangeResult<ExchangeOrder>.Ok(result.Data with
                {
                    Fills = result.Data.Fills.Select(f => f with { Commission = f.Commission / bnb, CommissionAsset = "BNB" }).ToList(),
                });
            if (result.Success)
            {
                Interlocked.Increment(ref faults.OrdersPlaced);
                if (faults.CrashAfterPlacingOrders > 0)
                {
                    faults.CrashAfterPlacingOrders--;
                    throw new InvalidOperationException("Simulated crash after the exchange accepted the order");
                }
            }
            return result;
        }
    }
}

using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Exchanges.Binance;
using AlgoTrade.Core.Exchanges.Paper;
using AlgoTrade.Core.Exchanges.Simulated;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlgoTrade.Core.Exchanges;

public sealed class ExchangeClientFactory(
    IHttpClientFactory httpClients,
    IOptionsMonitor<BinanceOptions> binanceOptions,
    BinanceEndpointRegistry endpoints,
    SimulatedMarket simulatedMarket,
    IServiceProvider services,
    TimeProvider clock,
    ILogger<BinanceSpotClient> binanceLogger) : IExchangeClientFactory
{
    public IExchangeClient Create(string exchangeName, ExchangeCredentials? credentials = null, int? botId = null) => exchangeName switch
    {
        ExchangeNames.Binance or ExchangeNames.BinanceTestnet => CreateBinance(exchangeName, credentials),
        // Paper trades against real prices, which need no key.
        ExchangeNames.Paper => new PaperExchangeClient(ExchangeNames.Paper, CreateBinance(ExchangeNames.Binance, null), LedgerFor(botId), botId),
        ExchangeNames.Simulated => new PaperExchangeClient(ExchangeNames.Simulated, new SimulatedMarketClient(simulatedMarket, clock), LedgerFor(botId), botId),
        _ => throw new ArgumentException($"Unknown exchange '{exchangeName}'. Known: {string.Join(", ", ExchangeNames.All)}.", nameof(exchangeName)),
    };

    public BinanceSpotClient CreateBinance(string exchangeName, ExchangeCredentials? credentials)
    {
        var options = binanceOptions.Get(exchangeName);
        return new BinanceSpotClient(exchangeName, httpClients.CreateClient(BinanceSpotClient.HttpClientName), options,
            endpoints.Get(options), credentials, clock, binanceLogger);
    }

    // Only trading needs the ledger, so market-data-only hosts (the CLI) need no database.
    private PaperLedger? LedgerFor(int? botId) => botId is null ? null : services.GetRequiredService<PaperLedger>();
}

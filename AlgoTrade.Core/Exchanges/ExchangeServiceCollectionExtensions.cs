using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Exchanges.Binance;
using AlgoTrade.Core.Exchanges.Paper;
using AlgoTrade.Core.Exchanges.Simulated;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlgoTrade.Core.Exchanges;

public static class ExchangeServiceCollectionExtensions
{
    /// <summary>Exchange clients and their shared state. Paper trading additionally needs the DbContext factory.</summary>
    public static IServiceCollection AddAlgoTradeExchanges(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        // The default request logging leaks the API key header to structured sinks (SecretsAtRestTests): our own instead.
        services.AddHttpClient(BinanceSpotClient.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers()
            .AddLogger(sp => new BinanceHttpLogger(sp.GetRequiredService<ILoggerFactory>().CreateLogger($"System.Net.Http.HttpClient.{BinanceSpotClient.HttpClientName}")));

        services.AddOptions<BinanceOptions>(ExchangeNames.Binance).BindConfiguration(BinanceOptions.BinanceSection);
        services.AddOptions<BinanceOptions>(ExchangeNames.BinanceTestnet)
            .Configure(o => o.BaseUrl = BinanceOptions.DefaultTestnetBaseUrl)
            .BindConfiguration(BinanceOptions.TestnetSection);
        services.AddOptions<PaperTradingOptions>().BindConfiguration(PaperTradingOptions.Section);
        services.AddOptions<SimulatedMarketOptions>().BindConfiguration(SimulatedMarketOptions.Section);

        services.TryAddSingleton<BinanceEndpointRegistry>();
        services.TryAddSingleton(sp => new SimulatedMarket(sp.GetRequiredService<IOptions<SimulatedMarketOptions>>().Value));
        services.TryAddSingleton<PaperLedger>();
        services.TryAddSingleton<ExchangeClientFactory>();
        services.TryAddSingleton<IExchangeClientFactory>(sp => sp.GetRequiredService<ExchangeClientFactory>());
        return services;
    }
}

using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Exchanges;
using AlgoTrade.Core.Exchanges.Binance;
using AlgoTrade.Tests.Exchanges.Fakes;
using AlgoTrade.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AlgoTrade.Tests.Exchanges;

/// <summary>Exchange services (no database) pointed at a fake Binance server.</summary>
public static class ExchangeTestHost
{
    public const string ApiKey = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
    public const string Secret = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";

    public static Dictionary<string, string?> Settings(FakeBinanceServer server, TimeSpan? timeout = null) => new()
    {
        ["Exchanges:Binance:BaseUrl"] = server.BaseUrl,
        ["Exchanges:Binance:RequestTimeout"] = (timeout ?? TimeSpan.FromSeconds(5)).ToString("c"),
        ["Exchanges:BinanceTestnet:BaseUrl"] = server.BaseUrl,
        ["Exchanges:BinanceTestnet:RequestTimeout"] = (timeout ?? TimeSpan.FromSeconds(5)).ToString("c"),
    };

    public static ServiceProvider Build(FakeBinanceServer server, IReadOnlyDictionary<string, string?>? extra = null, LogCapture? logs = null, TimeSpan? timeout = null)
    {
        var settings = Settings(server, timeout);
        if (extra is not null)
            foreach (var (k, v) in extra) settings[k] = v;
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging(b =>
        {
            b.SetMinimumLevel(LogLevel.Trace);
            if (logs is not null)
                b.AddProvider(logs);
        });
        services.AddAlgoTradeExchanges();
        return services.BuildServiceProvider();
    }

    public static BinanceSpotClient Client(ServiceProvider services, ExchangeCredentials? credentials = null) =>
        (BinanceSpotClient)services.GetRequiredService<IExchangeClientFactory>().Create(ExchangeNames.Binance, credentials ?? new ExchangeCredentials(ApiKey, Secret));
}

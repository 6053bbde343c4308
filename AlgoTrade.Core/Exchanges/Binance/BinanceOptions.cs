namespace AlgoTrade.Core.Exchanges.Binance;

/// <summary>Named options per exchange name: "Exchanges:Binance" for binance, "Exchanges:BinanceTestnet" for binance_testnet.</summary>
public sealed class BinanceOptions
{
    public const string BinanceSection = "Exchanges:Binance";
    public const string TestnetSection = "Exchanges:BinanceTestnet";
    public const string DefaultBaseUrl = "https://api.binance.com";
    public const string DefaultTestnetBaseUrl = "https://testnet.binance.vision";

    public string BaseUrl { get; set; } = DefaultBaseUrl;
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);
    public int RecvWindowMs { get; set; } = 5000;

    /// <summary>Request weight we allow ourselves per minute per base URL; Binance's spot limit is 6000.</summary>
    public int MaxWeightPerMinute { get; set; } = 4800;

    /// <summary>Longer waits for the weight budget or a Retry-After fail fast with RateLimited instead of blocking a tick.</summary>
    public TimeSpan MaxRateLimitWait { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan ExchangeInfoRefresh { get; set; } = TimeSpan.FromHours(1);
}

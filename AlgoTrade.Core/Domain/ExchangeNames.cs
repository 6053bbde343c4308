namespace AlgoTrade.Core.Domain;

public static class ExchangeNames
{
    public const string Binance = "binance";
    public const string BinanceTestnet = "binance_testnet";
    public const string Paper = "paper";
    public const string Simulated = "simulated";

    public static readonly IReadOnlyList<string> All = [Binance, BinanceTestnet, Paper, Simulated];

    public static bool IsValid(string? name) => name is not null && All.Contains(name);

    /// <summary>Exchanges that place real orders and therefore need a validated API key.</summary>
    public static bool RequiresApiKey(string name) => name is Binance or BinanceTestnet;

    /// <summary>The name pages and messages show; the constants are what is stored.</summary>
    public static string DisplayName(string? name) => name switch
    {
        Binance => "Binance",
        BinanceTestnet => "Binance Spot Testnet",
        Paper => "Paper trading",
        Simulated => "Simulated market",
        _ => name ?? "",
    };
}

namespace AlgoTrade.Core.Exchanges.Simulated;

/// <summary>A synthetic symbol: rules like Binance's, a long-run price level and a daily volatility.</summary>
public sealed record SimulatedSymbol(SymbolInfo Info, double BasePrice, double DailyVolatility, double VolumePerMinute)
{
    public static IReadOnlyList<SimulatedSymbol> Catalog { get; } =
    [
        Usdt("BTC", 60_000, 0.030, 0.01m, 0.00001m, 12),
        Usdt("ETH", 3_000, 0.040, 0.01m, 0.0001m, 250),
        Usdt("BNB", 600, 0.035, 0.01m, 0.001m, 400),
        Usdt("SOL", 150, 0.055, 0.01m, 0.001m, 2_500),
        Usdt("XRP", 0.6, 0.045, 0.0001m, 0.1m, 600_000),
        Usdt("ADA", 0.45, 0.050, 0.0001m, 0.1m, 500_000),
        Usdt("DOGE", 0.15, 0.060, 0.00001m, 1m, 2_000_000),
        Usdt("LTC", 80, 0.045, 0.01m, 0.001m, 3_000),
    ];

    private static SimulatedSymbol Usdt(string asset, double price, double volatility, decimal tick, decimal step, double volume) =>
        new(new SymbolInfo(asset + "USDT", "TRADING", asset, "USDT", tick, step, step, 9_000_000m, 5m), price, volatility, volume);
}

namespace AlgoTrade.Core.Exchanges.Simulated;

public sealed class SimulatedMarketOptions
{
    public const string Section = "Exchanges:Simulated";

    /// <summary>Same seed, same market: every price path is a pure function of seed, symbol and time.</summary>
    public long Seed { get; set; } = 42;

    /// <summary>Day paths kept in memory; a day of 1m klines is about 150 KB.</summary>
    public int CachedDays { get; set; } = 96;
}

using AlgoTrade.Core.Strategies;

namespace AlgoTrade.Core.Runtime;

/// <summary>A strategy and the open time of the last closed candle it was fed.</summary>
public sealed class WarmStrategy(string fingerprint, IStrategy strategy)
{
    public string Fingerprint { get; } = fingerprint;
    public IStrategy Strategy { get; } = strategy;
    public DateTime? FedThrough { get; set; }
    public DateTime ExpiresAt { get; set; }
}

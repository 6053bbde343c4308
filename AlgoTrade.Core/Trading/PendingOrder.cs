namespace AlgoTrade.Core.Trading;

/// <summary>A market order decided at a candle close, to fill at the next open (fill model step 0).</summary>
public enum PendingOrder : byte
{
    None,
    Buy,
    Sell,
}

namespace AlgoTrade.Core.Market;

/// <summary>A last traded price seen at one instant, between candle closes (what a live bot sees at each tick).</summary>
public readonly record struct PriceTick(DateTime Time, double Price);

namespace AlgoTrade.Core.Trading;

/// <summary>An executed fill as the broker reports it; <see cref="Fee"/> is in the quote asset.</summary>
public readonly record struct Fill(DateTime Time, double Price, double Quantity, double QuoteQuantity, double Fee);

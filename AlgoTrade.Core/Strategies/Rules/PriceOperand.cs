namespace AlgoTrade.Core.Strategies.Rules;

/// <summary>A field of the candle <see cref="Shift"/> candles before the current one (0 = the current candle).</summary>
public sealed record PriceOperand(PriceField Field, int Shift = 0) : RuleOperand;

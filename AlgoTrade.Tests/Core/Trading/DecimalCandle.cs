namespace AlgoTrade.Tests.Core.Trading;

/// <summary>A candle in decimal for <see cref="DecimalFillModel"/>; the engine gets the same prices converted to double.</summary>
internal readonly record struct DecimalCandle(DateTime OpenTime, decimal Open, decimal High, decimal Low, decimal Close);

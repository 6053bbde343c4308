using System.Text.Json.Serialization;
using AlgoTrade.Core.Trading;

namespace AlgoTrade.Core.Backtesting;

/// <summary>One fill of a backtest; <see cref="RealizedPnl"/> is null for buys.</summary>
public readonly record struct BacktestTrade(
    DateTime Time,
    [property: JsonConverter(typeof(OrderSideJsonConverter))] OrderSide Side,
    double Price,
    double Quantity,
    double QuoteQuantity,
    double Fee,
    double? RealizedPnl,
    FillReason Reason);

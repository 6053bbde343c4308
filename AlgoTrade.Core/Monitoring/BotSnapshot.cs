using AlgoTrade.Core.Domain;

namespace AlgoTrade.Core.Monitoring;

/// <summary>What a trader watches of one bot: its settings, runtime state and realized results, read in one query.</summary>
public sealed record BotSnapshot(
    int Id,
    string Name,
    string Symbol,
    string Timeframe,
    string ExchangeName,
    string StrategyType,
    bool IsActive,
    BotStatus Status,
    bool InPosition,
    decimal? EntryPrice,
    decimal? PositionSizeCoins,
    decimal? StopLossPrice,
    decimal? TrailingStopPrice,
    decimal? TakeProfitPrice,
    decimal DailyPnl,
    decimal? LastPrice,
    DateTime? LastRunAt,
    string? LastErrorMessage,
    bool ForceExitRequested,
    decimal InitialCapital,
    decimal RealizedPnl,
    decimal RealizedPnlToday,
    long? LastTradeId)
{
    /// <summary>Open position value change at <paramref name="price"/>, before the exit fee; zero when flat.</summary>
    public decimal UnrealizedPnl(decimal? price) =>
        InPosition && price is { } p && EntryPrice is { } entry && PositionSizeCoins is { } size ? (p - entry) * size : 0m;

    public decimal? UnrealizedPnlPercent(decimal? price) =>
        InPosition && price is { } p && EntryPrice is { } entry && entry != 0 ? (p / entry - 1m) * 100m : null;

    /// <summary>Initial capital plus everything realized (net of fees) plus the open position at <paramref name="price"/>.</summary>
    public decimal Equity(decimal? price) => InitialCapital + RealizedPnl + UnrealizedPnl(price);
}

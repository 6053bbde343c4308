using AlgoTrade.Core.Market;

namespace AlgoTrade.Core.Backtesting.Jobs;

/// <summary>A queued job; <see cref="Candles"/> holds an uploaded CSV's candles, null when they come from the exchange.</summary>
public sealed record BacktestWorkItem(Guid JobId, int UserId, Candle[]? Candles);

using AlgoTrade.Core.Candles;
using AlgoTrade.Core.Market;

namespace AlgoTrade.Core.Backtesting.Jobs;

/// <summary>A backtest's candles and the gaps they have in its period (null when they have none).</summary>
public sealed record BacktestCandles(Candle[] Candles, CandleGapReport? Gaps);

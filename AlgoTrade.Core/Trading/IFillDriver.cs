using AlgoTrade.Core.Market;
using AlgoTrade.Core.Strategies;

namespace AlgoTrade.Core.Trading;

/// <summary>
/// Executes the engine's intents synchronously while it walks a step (<see cref="RiskEngine.OnCandle{TDriver}"/>):
/// the backtester's simulated broker. Implement it as a struct so the JIT specialises the hot loop.
/// </summary>
public interface IFillDriver
{
    Fill Execute(in OrderIntent intent);

    /// <summary>Called after the engine applied a fill; <paramref name="realizedPnl"/> is NaN for buys.</summary>
    void Filled(in OrderIntent intent, in Fill fill, double realizedPnl);

    /// <summary>What the close of <paramref name="candle"/> decided (every candle, <see cref="CandleDecision.None"/> included).</summary>
    void Notice(DateTime closeTime, in Candle candle, Signal signal, CandleDecision decision);
}

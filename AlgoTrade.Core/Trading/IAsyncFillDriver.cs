using AlgoTrade.Core.Market;
using AlgoTrade.Core.Strategies;

namespace AlgoTrade.Core.Trading;

/// <summary>
/// Executes the engine's intents one at a time while <see cref="RiskEngine.RunAsync{TDriver}"/> walks a step: the live
/// runtime, which sends each to an exchange. Unlike <see cref="IFillDriver"/> it books what filled itself, with
/// <see cref="RiskEngine.ApplyFill"/>, because an exchange may fill less than asked or nothing at all.
/// </summary>
public interface IAsyncFillDriver
{
    /// <summary>
    /// Places <paramref name="intent"/> and books its fill, if any. Returns false to end the step at once (the
    /// caller reports why); an intent that did not fill is not handed out again in the same step.
    /// </summary>
    ValueTask<bool> ExecuteAsync(OrderIntent intent, CancellationToken cancellationToken);

    /// <summary>What the close of <paramref name="candle"/> decided (every candle, <see cref="CandleDecision.None"/> included).</summary>
    void Notice(DateTime closeTime, in Candle candle, Signal signal, CandleDecision decision);
}

using AlgoTrade.Core.Market;
using AlgoTrade.Core.Strategies;

namespace AlgoTrade.Core.Trading;

/// <summary>
/// One pass of the fill model, walked by <see cref="RiskEngine.TryNextIntent"/>: either a closed candle (steps 0–5)
/// or a price seen between candle closes (step 0 at that price, an owner's force exit, steps 1–3 against it).
/// A price is treated as a candle whose open, high, low and close are all that price, so both kinds share one set
/// of rules. Made by <see cref="RiskEngine.CandleStep"/> and <see cref="RiskEngine.PriceStep"/>.
/// </summary>
public struct EngineStep
{
    internal readonly Candle Bar;
    internal readonly long DurationCheckTicks;
    internal readonly Signal Signal;
    internal readonly bool IsCandle;
    internal readonly bool ForceExit;
    internal EngineStepPhase Phase;
    internal int ExitsHandedOut;
    internal int TradeCountAtLastExit;

    internal EngineStep(in Candle bar, long durationCheckTicks, Signal signal, bool isCandle, bool forceExit)
    {
        Bar = bar;
        DurationCheckTicks = durationCheckTicks;
        Signal = signal;
        IsCandle = isCandle;
        ForceExit = forceExit;
    }

    /// <summary>The closed candle, or the price as a flat candle opening at its time.</summary>
    public readonly Candle Candle => Bar;

    /// <summary>What the candle's close decided (step 5); <see cref="CandleDecision.None"/> for a price step.</summary>
    public CandleDecision Decision { get; internal set; }
}

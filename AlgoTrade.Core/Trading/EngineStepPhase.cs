namespace AlgoTrade.Core.Trading;

/// <summary>Where an <see cref="EngineStep"/> is in the fill model's step order.</summary>
internal enum EngineStepPhase : byte
{
    PendingOrder,
    ForceExit,
    Exits,
    MaxDuration,
    Close,
    Done,
}

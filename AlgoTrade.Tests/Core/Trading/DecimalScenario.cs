using AlgoTrade.Core.Trading;

namespace AlgoTrade.Tests.Core.Trading;

/// <summary>
/// A settings combination for <see cref="DecimalReferenceTests"/> and what it must exercise, so that a comparison
/// cannot pass merely because nothing happened.
/// </summary>
internal sealed record DecimalScenario(
    string Name,
    RiskSettings Settings,
    string StrategyParams,
    FillReason[] ExpectedReasons,
    bool ExpectsTargetBlocks = false,
    bool ExpectsLossBlocks = false);

namespace AlgoTrade.Tests.Core.Trading;

/// <summary>What <see cref="DecimalFillModel"/> produced over a series.</summary>
internal sealed record DecimalRunResult(
    IReadOnlyList<DecimalFill> Fills,
    decimal FinalEquity,
    int BlockedByDailyTarget,
    int BlockedByDailyLoss);

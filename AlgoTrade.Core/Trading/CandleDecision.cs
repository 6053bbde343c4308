namespace AlgoTrade.Core.Trading;

/// <summary>What the engine decided at a candle close (fill model step 5).</summary>
public enum CandleDecision : byte
{
    None,
    ExitScheduled,
    EntryScheduled,

    /// <summary>The position size came out as zero (no cash): the entry is skipped, not an error.</summary>
    EntrySkippedZeroSize,
    EntryBlockedDailyTarget,
    EntryBlockedDailyLoss,
}

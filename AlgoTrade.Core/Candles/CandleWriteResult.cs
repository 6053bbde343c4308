namespace AlgoTrade.Core.Candles;

/// <summary>Rows written to the store, and rows skipped because a candle with the same key was already there.</summary>
public readonly record struct CandleWriteResult(long Inserted, long AlreadyPresent)
{
    public static CandleWriteResult operator +(CandleWriteResult a, CandleWriteResult b) =>
        new(a.Inserted + b.Inserted, a.AlreadyPresent + b.AlreadyPresent);
}

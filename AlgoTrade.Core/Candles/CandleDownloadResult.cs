namespace AlgoTrade.Core.Candles;

/// <summary>
/// What filling a period did: exchange requests made, candles written, and the gaps the exchange itself has in the
/// period (reported, never filled).
/// </summary>
public sealed record CandleDownloadResult(int Requests, CandleWriteResult Written, IReadOnlyList<CandleRange> Gaps);

using AlgoTrade.Core.Market;

namespace AlgoTrade.Core.Candles;

/// <summary>
/// A CSV import into the store: the parse (errors with line numbers, gap warnings) and what was written. With any
/// error <see cref="Written"/> is zero: a file with bad rows saves nothing.
/// </summary>
public sealed record CandleFileImportResult(CandleSeriesKey Series, CandleImportResult Parse, CandleWriteResult Written)
{
    public bool Succeeded => Parse.Succeeded;
}

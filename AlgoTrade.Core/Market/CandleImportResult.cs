namespace AlgoTrade.Core.Market;

/// <summary>
/// Candles in file order plus everything noticed on the way. When <see cref="Errors"/> is not empty the import
/// failed and <see cref="Candles"/> must not be used for a backtest: no row is ever dropped or reordered silently.
/// </summary>
public sealed class CandleImportResult
{
    public required CandleCsvFormat? Format { get; init; }
    public required Candle[] Candles { get; init; }
    public required Timeframe? Timeframe { get; init; }
    public required IReadOnlyList<CandleImportIssue> Errors { get; init; }
    public required IReadOnlyList<CandleImportIssue> Warnings { get; init; }

    /// <summary>Total errors found; <see cref="Errors"/> lists at most the importer's limit.</summary>
    public required int ErrorCount { get; init; }

    /// <summary>Total warnings found; <see cref="Warnings"/> lists at most the importer's limit.</summary>
    public required int WarningCount { get; init; }

    /// <summary>Number of missing candles over all gaps.</summary>
    public required long MissingCandles { get; init; }

    public bool Succeeded => ErrorCount == 0;
}

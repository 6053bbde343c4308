using System.Text.RegularExpressions;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Market;

namespace AlgoTrade.Core.Candles;

/// <summary>
/// Imports a candle CSV (either format <see cref="CandleCsvImporter"/> reads) into the store for one series. The whole
/// file is checked first and only a clean file is written, so a bad row never leaves half a file behind; rows already
/// stored are kept as they are, so importing the same file twice changes nothing.
/// </summary>
public sealed partial class CandleFileImporter(CandleStore store)
{
    /// <summary>Exchanges whose candles may be stored; the simulated market computes its own and needs no store.</summary>
    public static IReadOnlyList<string> StoredExchanges { get; } = [ExchangeNames.Binance, ExchangeNames.BinanceTestnet];

    /// <summary>Checks the series names; null when they are usable, otherwise the message to show.</summary>
    public static string? Check(string? exchange, string? symbol, string? timeframe, out CandleSeriesKey? series)
    {
        series = null;
        var source = CandleSeriesKey.SourceOf(exchange?.Trim() ?? "");
        if (!StoredExchanges.Contains(source))
            return $"Unknown exchange '{exchange}': candles are stored for {string.Join(", ", StoredExchanges)} (paper uses binance's).";
        if (string.IsNullOrWhiteSpace(symbol) || !SymbolPattern().IsMatch(symbol.Trim().ToUpperInvariant()))
            return $"Symbol '{symbol}' is not a symbol like BTCUSDT (2 to 20 letters and digits).";
        if (!Timeframe.TryParse(timeframe, out var tf))
            return $"Unknown timeframe '{timeframe}'. Use one of: {string.Join(' ', Timeframe.All.Select(t => t.Code))}.";
        series = CandleSeriesKey.For(source, symbol, tf);
        return null;
    }

    public async Task<CandleFileImportResult> ImportAsync(Stream csv, CandleSeriesKey series, CancellationToken ct)
    {
        var parse = CandleCsvImporter.Import(csv, series.Timeframe);
        if (!parse.Succeeded) return new CandleFileImportResult(series, parse, default);
        var written = await store.WriteAsync(series, parse.Candles, ct);
        return new CandleFileImportResult(series, parse, written);
    }

    [GeneratedRegex("^[A-Z0-9]{2,20}$")]
    private static partial Regex SymbolPattern();
}

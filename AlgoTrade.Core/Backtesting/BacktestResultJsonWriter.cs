using System.Text.Json;
using AlgoTrade.Core.Trading;

namespace AlgoTrade.Core.Backtesting;

/// <summary>
/// Streams a <see cref="BacktestResult"/> as <see cref="BacktestResultJsonContext"/> prints it, byte for byte (a test
/// compares the two), for the CLI's tens of thousands of fills: the trades are written here, the rest through the
/// context's generated writers. <see cref="BacktestTrade"/> has enum converters, so the generator leaves it on its
/// metadata path, whose generic code is compiled at run time and cost ~0.1 s of a one-shot 1M-candle run
/// (docs/backtesting.md#speed).
/// </summary>
public static class BacktestResultJsonWriter
{
    private static readonly JsonEncodedText Summary = JsonEncodedText.Encode("summary");
    private static readonly JsonEncodedText EquityCurve = JsonEncodedText.Encode("equity_curve");
    private static readonly JsonEncodedText Trades = JsonEncodedText.Encode("trades");
    private static readonly JsonEncodedText Log = JsonEncodedText.Encode("log");
    private static readonly JsonEncodedText Charts = JsonEncodedText.Encode("charts");
    private static readonly JsonEncodedText DataGaps = JsonEncodedText.Encode("data_gaps");
    private static readonly JsonEncodedText Time = JsonEncodedText.Encode("time");
    private static readonly JsonEncodedText Side = JsonEncodedText.Encode("side");
    private static readonly JsonEncodedText Price = JsonEncodedText.Encode("price");
    private static readonly JsonEncodedText Quantity = JsonEncodedText.Encode("quantity");
    private static readonly JsonEncodedText QuoteQuantity = JsonEncodedText.Encode("quote_quantity");
    private static readonly JsonEncodedText Fee = JsonEncodedText.Encode("fee");
    private static readonly JsonEncodedText RealizedPnl = JsonEncodedText.Encode("realized_pnl");
    private static readonly JsonEncodedText Reason = JsonEncodedText.Encode("reason");

    private const int FlushAtBytes = 1 << 16;

    /// <summary>Writes the result and flushes it to <paramref name="stream"/> in 64 KB pieces; no trailing newline.</summary>
    public static void Write(Stream stream, BacktestResult result)
    {
        var context = BacktestResultJsonContext.Default;
        var options = context.Options;
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions
        {
            Indented = options.WriteIndented,
            IndentCharacter = options.IndentCharacter,
            IndentSize = options.IndentSize,
            NewLine = options.NewLine,
            Encoder = options.Encoder,
        });
        writer.WriteStartObject();
        writer.WritePropertyName(Summary);
        JsonSerializer.Serialize(writer, result.Summary, context.BacktestSummary);
        writer.WritePropertyName(EquityCurve);
        JsonSerializer.Serialize(writer, result.EquityCurve, context.IReadOnlyListEquityPoint);
        writer.WriteStartArray(Trades);
        foreach (var trade in result.Trades)
        {
            writer.WriteStartObject();
            writer.WriteString(Time, trade.Time);
            writer.WriteString(Side, trade.Side.ToText());
            writer.WriteNumber(Price, trade.Price);
            writer.WriteNumber(Quantity, trade.Quantity);
            writer.WriteNumber(QuoteQuantity, trade.QuoteQuantity);
            writer.WriteNumber(Fee, trade.Fee);
            if (trade.RealizedPnl is { } pnl) writer.WriteNumber(RealizedPnl, pnl);
            else writer.WriteNull(RealizedPnl);
            writer.WriteString(Reason, trade.Reason.ToName());
            writer.WriteEndObject();
            if (writer.BytesPending >= FlushAtBytes) writer.Flush();
        }
        writer.WriteEndArray();
        writer.WritePropertyName(Log);
        JsonSerializer.Serialize(writer, result.Log, context.IReadOnlyListString);
        if (result.Charts is { } charts)
        {
            writer.WritePropertyName(Charts);
            JsonSerializer.Serialize(writer, charts, context.BacktestCharts);
        }
        if (result.DataGaps is { } gaps)
        {
            writer.WritePropertyName(DataGaps);
            JsonSerializer.Serialize(writer, gaps, context.CandleGapReport);
        }
        writer.WriteEndObject();
        writer.Flush();
    }
}

using System.Text.Json;
using AlgoTrade.Core.Trading;

namespace AlgoTrade.Core.Backtesting;

/// <summary>
/// Streams a <see cref="BacktestResult"/> as <see cref="BacktestResultJsonContext"/> prints it, byte for byte (a test
/// compares the two), for the CLI's tens of thousands of fills: the trades are written here, the rest through the
/// context's generated writers only for the charts (which the CLI never has) and the data gaps (only a file with
/// holes has them). Building the context's metadata
/// (<see cref="BacktestTrade"/>'s enum converters, a property info per field, all generic code compiled at run time)
/// cost more than writing 10 MB of fills in a one-shot 1M-candle run (docs/backtesting.md#speed).
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
    private static readonly JsonEncodedText Equity = JsonEncodedText.Encode("equity");
    private static readonly JsonEncodedText Drawdown = JsonEncodedText.Encode("drawdown");
    private static readonly JsonEncodedText Start = JsonEncodedText.Encode("start");
    private static readonly JsonEncodedText End = JsonEncodedText.Encode("end");
    private static readonly JsonEncodedText Candles = JsonEncodedText.Encode("candles");
    private static readonly JsonEncodedText InitialEquity = JsonEncodedText.Encode("initial_equity");
    private static readonly JsonEncodedText FinalEquity = JsonEncodedText.Encode("final_equity");
    private static readonly JsonEncodedText TotalReturnPct = JsonEncodedText.Encode("total_return_pct");
    private static readonly JsonEncodedText CagrPct = JsonEncodedText.Encode("cagr_pct");
    private static readonly JsonEncodedText MaxDrawdownPct = JsonEncodedText.Encode("max_drawdown_pct");
    private static readonly JsonEncodedText SharpeRatio = JsonEncodedText.Encode("sharpe_ratio");
    private static readonly JsonEncodedText SortinoRatio = JsonEncodedText.Encode("sortino_ratio");
    private static readonly JsonEncodedText CalmarRatio = JsonEncodedText.Encode("calmar_ratio");
    private static readonly JsonEncodedText ProfitFactor = JsonEncodedText.Encode("profit_factor");
    private static readonly JsonEncodedText Expectancy = JsonEncodedText.Encode("expectancy");
    private static readonly JsonEncodedText WinRatePct = JsonEncodedText.Encode("win_rate_pct");
    private static readonly JsonEncodedText NumberOfTrades = JsonEncodedText.Encode("number_of_trades");
    private static readonly JsonEncodedText NumberOfFills = JsonEncodedText.Encode("number_of_fills");
    private static readonly JsonEncodedText AverageTradePct = JsonEncodedText.Encode("average_trade_pct");
    private static readonly JsonEncodedText BestTradePct = JsonEncodedText.Encode("best_trade_pct");
    private static readonly JsonEncodedText WorstTradePct = JsonEncodedText.Encode("worst_trade_pct");
    private static readonly JsonEncodedText AverageTradeDurationHours = JsonEncodedText.Encode("average_trade_duration_hours");
    private static readonly JsonEncodedText ExposurePct = JsonEncodedText.Encode("exposure_pct");
    private static readonly JsonEncodedText FeesPaid = JsonEncodedText.Encode("fees_paid");
    private static readonly JsonEncodedText BuyAndHoldReturnPct = JsonEncodedText.Encode("buy_and_hold_return_pct");

    private const int FlushAtBytes = 1 << 16;

    /// <summary>Writes the result and flushes it to <paramref name="stream"/> in 64 KB pieces; no trailing newline.</summary>
    public static void Write(Stream stream, BacktestResult result)
    {
        // The context's options, spelled out: reading them would build the context and its metadata.
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        writer.WriteStartObject();
        writer.WritePropertyName(Summary);
        WriteSummary(writer, result.Summary);
        writer.WriteStartArray(EquityCurve);
        foreach (var point in result.EquityCurve)
        {
            writer.WriteStartObject();
            writer.WriteString(Time, point.Time);
            writer.WriteNumber(Equity, point.Equity);
            writer.WriteNumber(Drawdown, point.Drawdown);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
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
            WriteNumber(writer, RealizedPnl, trade.RealizedPnl);
            writer.WriteString(Reason, trade.Reason.ToName());
            writer.WriteEndObject();
            if (writer.BytesPending >= FlushAtBytes) writer.Flush();
        }
        writer.WriteEndArray();
        writer.WriteStartArray(Log);
        foreach (var line in result.Log) writer.WriteStringValue(line);
        writer.WriteEndArray();
        if (result.Charts is { } charts)
        {
            writer.WritePropertyName(Charts);
            JsonSerializer.Serialize(writer, charts, BacktestResultJsonContext.Default.BacktestCharts);
        }
        if (result.DataGaps is { } gaps)
        {
            writer.WritePropertyName(DataGaps);
            JsonSerializer.Serialize(writer, gaps, BacktestResultJsonContext.Default.CandleGapReport);
        }
        writer.WriteEndObject();
        writer.Flush();
    }

    private static void WriteSummary(Utf8JsonWriter writer, BacktestSummary s)
    {
        writer.WriteStartObject();
        writer.WriteString(Start, s.Start);
        writer.WriteString(End, s.End);
        writer.WriteNumber(Candles, s.Candles);
        writer.WriteNumber(InitialEquity, s.InitialEquity);
        writer.WriteNumber(FinalEquity, s.FinalEquity);
        writer.WriteNumber(TotalReturnPct, s.TotalReturnPct);
        WriteNumber(writer, CagrPct, s.CagrPct);
        writer.WriteNumber(MaxDrawdownPct, s.MaxDrawdownPct);
        WriteNumber(writer, SharpeRatio, s.SharpeRatio);
        WriteNumber(writer, SortinoRatio, s.SortinoRatio);
        WriteNumber(writer, CalmarRatio, s.CalmarRatio);
        WriteNumber(writer, ProfitFactor, s.ProfitFactor);
        WriteNumber(writer, Expectancy, s.Expectancy);
        WriteNumber(writer, WinRatePct, s.WinRatePct);
        writer.WriteNumber(NumberOfTrades, s.NumberOfTrades);
        writer.WriteNumber(NumberOfFills, s.NumberOfFills);
        WriteNumber(writer, AverageTradePct, s.AverageTradePct);
        WriteNumber(writer, BestTradePct, s.BestTradePct);
        WriteNumber(writer, WorstTradePct, s.WorstTradePct);
        WriteNumber(writer, AverageTradeDurationHours, s.AverageTradeDurationHours);
        writer.WriteNumber(ExposurePct, s.ExposurePct);
        writer.WriteNumber(FeesPaid, s.FeesPaid);
        writer.WriteNumber(BuyAndHoldReturnPct, s.BuyAndHoldReturnPct);
        writer.WriteEndObject();
    }

    private static void WriteNumber(Utf8JsonWriter writer, JsonEncodedText name, double? value)
    {
        if (value is { } v) writer.WriteNumber(name, v);
        else writer.WriteNull(name);
    }
}

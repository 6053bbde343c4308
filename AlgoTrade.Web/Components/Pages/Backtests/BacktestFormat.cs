using System.Globalization;

namespace AlgoTrade.Web.Components.Pages.Backtests;

/// <summary>How backtest numbers read on the pages; undefined metrics (null) show as an em dash.</summary>
public static class BacktestFormat
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Pct(double? v) => v is { } x ? x.ToString("+0.00;-0.00;0.00", Invariant) + " %" : "—";

    public static string PlainPct(double? v) => v is { } x ? x.ToString("0.00", Invariant) + " %" : "—";

    public static string Ratio(double? v) => v is { } x ? x.ToString("0.00", Invariant) : "—";

    public static string Money(double? v) => v is { } x ? x.ToString("#,0.00", Invariant) : "—";

    public static string SignedMoney(double? v) => v is { } x ? x.ToString("+#,0.00;-#,0.00;0.00", Invariant) : "—";

    public static string Number(double v) => v.ToString(v >= 1000 ? "#,0.00" : "0.########", Invariant);

    public static string Hours(double? v) => v is not { } h ? "—" : h >= 48 ? $"{(h / 24).ToString("0.0", Invariant)} days" : $"{h.ToString("0.0", Invariant)} h";

    public static string Time(DateTime? t) => t is { } x ? x.ToString("yyyy-MM-dd HH:mm", Invariant) : "—";

    public static string Day(DateTime? t) => t is { } x ? x.ToString("yyyy-MM-dd", Invariant) : "…";

    public static string Period(DateTime? start, DateTime? end) =>
        // End is exclusive: a period ending at midnight reads as through the previous day.
        $"{Day(start)} → {Day(end is { TimeOfDay.Ticks: 0 } e ? e.AddDays(-1) : end)}";

    /// <summary>
    /// The stored config as people read it: indented, with rule operators as "&lt;" rather than "\u003C" (the page
    /// HTML-encodes the text it shows).
    /// </summary>
    public static string ReadableJson(string json)
    {
        using var document = System.Text.Json.JsonDocument.Parse(json);
        using var stream = new MemoryStream();
        using (var writer = new System.Text.Json.Utf8JsonWriter(stream, new System.Text.Json.JsonWriterOptions
               {
                   Indented = true,
                   Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
               }))
            document.WriteTo(writer);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}

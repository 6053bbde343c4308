using System.Globalization;

namespace AlgoTrade.Web.Components.Shared;

/// <summary>How prices, amounts and times read on the live pages: invariant digits, signs on PnL, enough decimals for cheap coins.</summary>
public static class Numbers
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Price(decimal? value) => value is not { } v ? "—"
        : Math.Abs(v) >= 1000 ? v.ToString("#,0.00", Invariant)
        : Math.Abs(v) >= 1 ? v.ToString("#,0.00##", Invariant)
        : v.ToString("0.00######", Invariant);

    public static string Amount(decimal value) => value.ToString("#,0.00", Invariant);

    /// <summary>A commission: cents for whole amounts, four decimals below one, more only for dust (a fee paid in BNB).</summary>
    public static string Fee(decimal value) => Math.Abs(value) switch
    {
        >= 1 => value.ToString("#,0.00", Invariant),
        >= 0.0001m or 0 => value.ToString("0.00##", Invariant),
        _ => value.ToString("0.########", Invariant),
    };

    public static string Pnl(decimal value) => value.ToString("+#,0.00;−#,0.00;0.00", Invariant);

    public static string Percent(decimal? value) => value is not { } v ? "—" : v.ToString("+0.00;−0.00;0.00", Invariant) + " %";

    public static string Quantity(decimal? value) => value is not { } v ? "—" : v.ToString("0.########", Invariant);

    public static MudBlazor.Color PnlColor(decimal value) =>
        value > 0 ? MudBlazor.Color.Success : value < 0 ? MudBlazor.Color.Error : MudBlazor.Color.Default;

    public static string Ago(DateTime? time, DateTime now)
    {
        if (time is not { } t) return "never";
        var span = now - t;
        return span.TotalSeconds < 60 ? $"{Math.Max(0, (int)span.TotalSeconds)} s ago"
            : span.TotalMinutes < 60 ? $"{(int)span.TotalMinutes} min ago"
            : span.TotalHours < 48 ? $"{(int)span.TotalHours} h ago"
            : t.ToString("yyyy-MM-dd HH:mm 'UTC'", Invariant);
    }

    public static string Utc(DateTime? time) => time?.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", Invariant) ?? "";
}

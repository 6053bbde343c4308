using System.Globalization;
using System.Text;
using AlgoTrade.Core.Trading;

namespace AlgoTrade.Core.Trades;

/// <summary>RFC 4180 lines of the trade export, one row at a time so an export never holds the whole file.</summary>
public static class TradeCsv
{
    public const string Header =
        "id,timestamp_utc,bot_id,bot_name,symbol,side,order_type,price,quantity,quote_quantity,commission,commission_asset,pnl,entry_reason,exit_reason,exchange_order_id\r\n";

    public static string Line(TradeRow r)
    {
        var sb = new StringBuilder(192);
        sb.Append(r.Id.ToString(CultureInfo.InvariantCulture)).Append(',')
          .Append(r.Timestamp.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)).Append(',')
          .Append(r.BotId.ToString(CultureInfo.InvariantCulture)).Append(',');
        Text(sb, r.BotName).Append(',');
        Text(sb, r.Symbol).Append(',');
        Text(sb, r.Side.ToText()).Append(',');
        Text(sb, r.OrderType).Append(',');
        Number(sb, r.Price).Append(',');
        Number(sb, r.Quantity).Append(',');
        Number(sb, r.QuoteQuantity).Append(',');
        Number(sb, r.Commission).Append(',');
        Text(sb, r.CommissionAsset).Append(',');
        Number(sb, r.Pnl).Append(',');
        Text(sb, r.EntryReason).Append(',');
        Text(sb, r.ExitReason).Append(',');
        Text(sb, r.ExchangeOrderId).Append("\r\n");
        return sb.ToString();
    }

    /// <summary>
    /// Quotes a field holding a comma, quote or line break, doubling inner quotes. A text field starting like a
    /// formula (= + - @) gets a leading apostrophe, so a bot name cannot run as a spreadsheet formula.
    /// </summary>
    public static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static StringBuilder Text(StringBuilder sb, string? value) => sb.Append(Escape(value));

    private static StringBuilder Number(StringBuilder sb, decimal? value) =>
        value is { } v ? sb.Append(v.ToString("0.############", CultureInfo.InvariantCulture)) : sb;
}

using System.Globalization;
using AlgoTrade.Core.Trades;
using Microsoft.AspNetCore.WebUtilities;

namespace AlgoTrade.Web.Endpoints;

/// <summary>A <see cref="TradeFilter"/> in a query string, so the page's "Export CSV" link carries its filters.</summary>
public static class TradeFilterQuery
{
    public static string ExportUrl(TradeFilter filter)
    {
        var query = new Dictionary<string, string?>();
        if (filter.BotId is { } botId) query["bot"] = botId.ToString(CultureInfo.InvariantCulture);
        if (!string.IsNullOrWhiteSpace(filter.Symbol)) query["symbol"] = filter.Symbol.Trim();
        if (!string.IsNullOrWhiteSpace(filter.Side)) query["side"] = filter.Side;
        if (!string.IsNullOrWhiteSpace(filter.Reason)) query["reason"] = filter.Reason;
        if (filter.FromUtc is { } from) query["from"] = from.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        if (filter.ToUtc is { } to) query["to"] = to.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return QueryHelpers.AddQueryString(TradeExportEndpoints.Path, query);
    }

    public static TradeFilter Parse(IQueryCollection query) => new(
        int.TryParse(query["bot"], NumberStyles.None, CultureInfo.InvariantCulture, out var bot) ? bot : null,
        NullIfEmpty(query["symbol"]),
        NullIfEmpty(query["side"]),
        NullIfEmpty(query["reason"]),
        Instant(query["from"]),
        Instant(query["to"]));

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static DateTime? Instant(string? value) =>
        DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t)
            ? DateTime.SpecifyKind(t, DateTimeKind.Utc)
            : null;
}

using System.Globalization;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Trades;
using AlgoTrade.Core.Trading;
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

    /// <summary>Reads the filter; a value that cannot be read is named in <paramref name="errors"/> instead of being ignored.</summary>
    public static TradeFilter Parse(IQueryCollection query, List<string> errors)
    {
        int? bot = null;
        if (NullIfEmpty(query["bot"]) is { } rawBot)
        {
            if (int.TryParse(rawBot, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0) bot = id;
            else errors.Add("'bot' must be a bot id (a positive whole number).");
        }
        var side = NullIfEmpty(query["side"]);
        if (side is not null && !OrderSideText.TryParse(side, out _))
            errors.Add("'side' must be BUY or SELL.");
        var from = Instant(query, "from", errors);
        var to = Instant(query, "to", errors);
        if (from > to)
            errors.Add("'from' must not be after 'to'.");
        return new TradeFilter(bot, NullIfEmpty(query["symbol"]), side, NullIfEmpty(query["reason"]), from, to);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static DateTime? Instant(IQueryCollection query, string name, List<string> errors)
    {
        if (NullIfEmpty(query[name]) is not { } raw) return null;
        if (DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t))
            return DateTime.SpecifyKind(t, DateTimeKind.Utc);
        errors.Add($"'{name}' must be a date and time, e.g. 2026-01-31T00:00:00Z.");
        return null;
    }
}

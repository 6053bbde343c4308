using System.Globalization;
using AlgoTrade.Core.Admin;
using AlgoTrade.Core.Domain;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace AlgoTrade.Web.Admin;

/// <summary>The explorer's filter as URL query parameters, shared by the page's address and the export endpoint.</summary>
public static class ActivityLogFilterQuery
{
    public static string ToQueryString(ActivityLogFilter filter, IDictionary<string, string?>? extra = null)
    {
        var values = new Dictionary<string, string?>();
        if (filter.UserId is { } user) values["user"] = user.ToString(CultureInfo.InvariantCulture);
        if (filter.BotId is { } bot) values["bot"] = bot.ToString(CultureInfo.InvariantCulture);
        if (filter.Level is { } level) values["level"] = level.ToText();
        if (filter.From is { } from) values["from"] = from.ToString("O", CultureInfo.InvariantCulture);
        if (filter.To is { } to) values["to"] = to.ToString("O", CultureInfo.InvariantCulture);
        if (!string.IsNullOrWhiteSpace(filter.Text)) values["q"] = filter.Text;
        if (extra is not null)
            foreach (var (k, v) in extra) values[k] = v;
        return QueryHelpers.AddQueryString("", values.Where(kv => kv.Value is not null));
    }

    public static ActivityLogFilter Parse(Func<string, StringValues> get, List<string> errors)
    {
        int? Int(string name)
        {
            var raw = get(name).ToString();
            if (string.IsNullOrEmpty(raw)) return null;
            if (int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)) return v;
            errors.Add($"'{name}' must be a whole number.");
            return null;
        }
        DateTime? Time(string name)
        {
            var raw = get(name).ToString();
            if (string.IsNullOrEmpty(raw)) return null;
            if (DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var v))
                return DateTime.SpecifyKind(v, DateTimeKind.Utc);
            errors.Add($"'{name}' must be an ISO 8601 time.");
            return null;
        }
        var level = get("level").ToString().ToUpperInvariant();
        var text = get("q").ToString();
        var filter = new ActivityLogFilter
        {
            UserId = Int("user"),
            BotId = Int("bot"),
            Level = ActivityLogLevelText.TryParse(level, out var known) ? known : null,
            From = Time("from"),
            To = Time("to"),
            Text = string.IsNullOrWhiteSpace(text) ? null : text,
        };
        if (level.Length > 0 && filter.Level is null) errors.Add($"Unknown level '{level}'.");
        errors.AddRange(filter.Validate());
        return filter;
    }
}

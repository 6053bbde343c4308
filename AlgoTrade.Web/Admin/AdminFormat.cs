using System.Globalization;
using System.Text.Json;

namespace AlgoTrade.Web.Admin;

/// <summary>Admin pages show times in UTC, labelled as such, so admins on different continents read the same value.</summary>
public static class AdminFormat
{
    public static string Utc(DateTime? time) =>
        time is { } t ? t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "—";

    public static string Utc(DateTimeOffset? time) => Utc(time?.UtcDateTime);

    public static string Bytes(long bytes)
    {
        string[] units = ["B", "KB", "MB", "GB", "TB"];
        double value = bytes;
        var unit = 0;
        while (value >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }
        return value.ToString(unit == 0 ? "0" : "0.0", CultureInfo.InvariantCulture) + " " + units[unit];
    }

    public static string PrettyJson(string? json)
    {
        if (string.IsNullOrEmpty(json)) return "";
        using var doc = JsonDocument.Parse(json);
        return JsonSerializer.Serialize(doc.RootElement, Indented);
    }

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
}

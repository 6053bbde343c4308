namespace AlgoTrade.Core.Accounts;

/// <summary>"Chrome on Linux" from a User-Agent header: enough for a person to recognise their own devices.</summary>
public static class UserAgentDescription
{
    public static string Describe(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent)) return "Unknown device";
        var ua = userAgent;
        var browser =
            ua.Contains("Edg/", StringComparison.Ordinal) ? "Edge" :
            ua.Contains("OPR/", StringComparison.Ordinal) ? "Opera" :
            ua.Contains("HeadlessChrome", StringComparison.Ordinal) ? "Headless Chrome" :
            ua.Contains("Chrome/", StringComparison.Ordinal) || ua.Contains("Chromium/", StringComparison.Ordinal) ? "Chrome" :
            ua.Contains("Firefox/", StringComparison.Ordinal) ? "Firefox" :
            ua.Contains("Safari/", StringComparison.Ordinal) ? "Safari" :
            ua.StartsWith("curl/", StringComparison.Ordinal) ? "curl" :
            "Other browser";
        var os =
            ua.Contains("Android", StringComparison.Ordinal) ? "Android" :
            ua.Contains("iPhone", StringComparison.Ordinal) || ua.Contains("iPad", StringComparison.Ordinal) ? "iOS" :
            ua.Contains("Windows", StringComparison.Ordinal) ? "Windows" :
            ua.Contains("Mac OS X", StringComparison.Ordinal) ? "macOS" :
            ua.Contains("Linux", StringComparison.Ordinal) ? "Linux" :
            null;
        return os is null ? browser : $"{browser} on {os}";
    }
}

namespace AlgoTrade.Web.Services;

/// <summary>Light or dark, remembered per browser in a cookie so even the first server render has the right colours.</summary>
public sealed record ThemePreference(bool IsDark)
{
    public const string CookieName = "algotrade-theme";

    public static ThemePreference FromRequest(HttpRequest request) =>
        new(request.Cookies.TryGetValue(CookieName, out var value) && value == "dark");
}

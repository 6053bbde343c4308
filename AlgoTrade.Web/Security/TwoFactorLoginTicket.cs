using System.Globalization;
using System.Security.Cryptography;
using AlgoTrade.Core.Domain;
using Microsoft.AspNetCore.DataProtection;

namespace AlgoTrade.Web.Security;

/// <summary>
/// Between the password and the two-factor code: a short-lived, encrypted cookie naming the user (and the security
/// stamp, so a password change voids it). It grants nothing but the right to enter a code.
/// </summary>
public sealed class TwoFactorLoginTicket(IDataProtectionProvider provider)
{
    public const string CookieName = "algotrade.2fa";
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    private readonly ITimeLimitedDataProtector _protector = provider.CreateProtector("AlgoTrade.Web.TwoFactorLogin.v1").ToTimeLimitedDataProtector();

    public void Issue(HttpContext http, User user, bool persistent)
    {
        var payload = string.Create(CultureInfo.InvariantCulture, $"{user.Id}|{user.SecurityStamp}|{(persistent ? 1 : 0)}");
        http.Response.Cookies.Append(CookieName, _protector.Protect(payload, Lifetime), new CookieOptions
        {
            HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = http.Request.IsHttps, Path = "/account", MaxAge = Lifetime, IsEssential = true,
        });
    }

    public (int UserId, string Stamp, bool Persistent)? Read(HttpContext http)
    {
        if (!http.Request.Cookies.TryGetValue(CookieName, out var value) || string.IsNullOrEmpty(value)) return null;
        try
        {
            var parts = _protector.Unprotect(value).Split('|');
            return parts.Length == 3 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                ? (id, parts[1], parts[2] == "1") : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    public static void Clear(HttpContext http) => http.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/account" });
}

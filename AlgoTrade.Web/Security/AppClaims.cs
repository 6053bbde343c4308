using System.Security.Claims;
using AlgoTrade.Core.Domain;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace AlgoTrade.Web.Security;

public static class AppClaims
{
    public const string SecurityStamp = "algotrade:stamp";
    public const string SessionId = "algotrade:sid";

    /// <summary>A principal for a server-side session (see <see cref="SessionSignIn"/>); without one the cookie is refused.</summary>
    public static ClaimsPrincipal CreatePrincipal(User user, string sessionId)
    {
        var principal = CreatePrincipal(user);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(SessionId, sessionId));
        return principal;
    }

    public static string? GetSessionId(this ClaimsPrincipal principal) => principal.FindFirstValue(SessionId);

    public static ClaimsPrincipal CreatePrincipal(User user) =>
        new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new Claim(ClaimTypes.Name, user.Email),
            new Claim(ClaimTypes.Email, user.Email),
            new Claim(ClaimTypes.Role, user.Role),
            new Claim(SecurityStamp, user.SecurityStamp),
        ], CookieAuthenticationDefaults.AuthenticationScheme));

    public static int? GetUserId(this ClaimsPrincipal principal) =>
        int.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    /// <summary>The session is still good when the user exists, is active, and kept the same role and security stamp.</summary>
    public static bool IsCurrentFor(this ClaimsPrincipal principal, User? user) =>
        user is { IsActive: true }
        && principal.FindFirstValue(SecurityStamp) == user.SecurityStamp
        && principal.IsInRole(user.Role);
}

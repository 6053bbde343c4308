using AlgoTrade.Core.Accounts;
using AlgoTrade.Core.Domain;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace AlgoTrade.Web.Security;

/// <summary>Every sign-in goes through here: a server-side session row, then the cookie that names it.</summary>
public sealed class SessionSignIn(UserSessionService sessions)
{
    public async Task SignInAsync(HttpContext http, User user, bool persistent, bool twoFactorVerified)
    {
        var sessionId = await sessions.CreateAsync(user.Id, http.Connection.RemoteIpAddress?.ToString(), http.Request.Headers.UserAgent.ToString(),
            twoFactorVerified, http.RequestAborted);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, AppClaims.CreatePrincipal(user, sessionId),
            new AuthenticationProperties { IsPersistent = persistent });
    }

    /// <summary>Ends this browser's server-side session, so a copy of its cookie stops working too.</summary>
    public async Task SignOutAsync(HttpContext http, string reason)
    {
        if (http.User.GetUserId() is { } userId && http.User.GetSessionId() is { } sessionId)
            await sessions.RevokeAsync(userId, sessionId, reason, http.RequestAborted);
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }
}

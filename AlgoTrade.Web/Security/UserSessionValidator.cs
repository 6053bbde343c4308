using AlgoTrade.Core.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace AlgoTrade.Web.Security;

/// <summary>
/// Ends a cookie session on its next request once the user is deactivated, demoted or changed password, or once its
/// server-side session was ended (logout, the Sessions page, a password reset).
/// </summary>
public class UserSessionValidator(UserAccountService accounts, UserSessionService sessions, ILogger<UserSessionValidator> logger) : CookieAuthenticationEvents
{
    /// <summary>HttpContext.Items key of the signed-in <see cref="Core.Domain.User"/> this request validated.</summary>
    public const string UserItem = "algotrade:user";

    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var userId = principal?.GetUserId();
        Core.Domain.User? user;
        SessionCheck? session = null;
        try
        {
            user = userId is null ? null : await accounts.FindAsync(userId.Value, context.HttpContext.RequestAborted);
            if (user is not null && principal is not null && principal.IsCurrentFor(user))
                session = await sessions.CheckAsync(user.Id, principal.GetSessionId(), context.HttpContext.RequestAborted);
        }
        catch (OperationCanceledException) when (context.HttpContext.RequestAborted.IsCancellationRequested)
        {
            // The browser went away mid-request (a closed tab's circuit-disconnect beacon, typically): no answer is
            // owed, so the request ends unauthenticated instead of as a logged 500 with a stack trace.
            context.RejectPrincipal();
            return;
        }
        if (principal is null || !principal.IsCurrentFor(user))
        {
            logger.LogInformation("Session of user {UserId} ended: account changed or deactivated", userId);
            await RejectAsync(context);
            return;
        }
        if (session is not { Active: true })
        {
            logger.LogInformation("Session of user {UserId} refused: it was ended or never existed", userId);
            await RejectAsync(context);
            return;
        }
        context.HttpContext.Items[UserItem] = user;
    }

    private static async Task RejectAsync(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }

    // A signed-in user without the role gets a real 403 (rendered by the status page), not a redirect.
    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }
}

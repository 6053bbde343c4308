using AlgoTrade.Core.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace AlgoTrade.Web.Security;

/// <summary>Ends a cookie session on its next request once the user is deactivated, demoted or changed password.</summary>
public class UserSessionValidator(UserAccountService accounts, ILogger<UserSessionValidator> logger) : CookieAuthenticationEvents
{
    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var userId = principal?.GetUserId();
        Core.Domain.User? user;
        try
        {
            user = userId is null ? null : await accounts.FindAsync(userId.Value, context.HttpContext.RequestAborted);
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
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }

    // A signed-in user without the role gets a real 403 (rendered by the status page), not a redirect.
    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }
}

using AlgoTrade.Core.Domain;

namespace AlgoTrade.Web.Security;

/// <summary>
/// When admins must use two-factor sign-in (System page), an admin without it is sent to enrol before any other page.
/// </summary>
public sealed class AdminTwoFactorRequirement(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http, AdminTwoFactorPolicy policy)
    {
        if (http.Items[UserSessionValidator.UserItem] is User { Role: UserRoles.Admin, TwoFactorEnabledAt: null }
            && HttpMethods.IsGet(http.Request.Method)
            && !IsExempt(http.Request.Path)
            && await policy.IsRequiredAsync(http.RequestAborted))
        {
            http.Response.Redirect("/account/two-factor?required=true");
            return;
        }
        await next(http);
    }

    private static bool IsExempt(PathString path) =>
        path.StartsWithSegments("/account") || path.StartsWithSegments("/_framework") || path.StartsWithSegments("/_blazor")
        || path.StartsWithSegments("/_content") || path.StartsWithSegments("/healthz") || path.StartsWithSegments("/status")
        || path.StartsWithSegments("/email") || Path.HasExtension(path.Value);
}

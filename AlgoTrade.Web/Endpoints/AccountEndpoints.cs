using Microsoft.AspNetCore.Antiforgery;
using AlgoTrade.Web.Security;

namespace AlgoTrade.Web.Endpoints;

public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // A POST with an antiforgery token, so no link, image or foreign form can sign a user out.
        endpoints.MapPost("/account/logout", async (HttpContext http, IAntiforgery antiforgery, SessionSignIn sessions) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http))
                return Results.BadRequest("The form expired; reload the page and try again.");
            // Ends the server-side session too: a copy of the cookie stops working (issue 17 item 8).
            await sessions.SignOutAsync(http, "logout");
            return Results.LocalRedirect("/account/login?signedOut=true");
        }).DisableAntiforgery();
        return endpoints;
    }
}

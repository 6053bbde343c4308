using System.Security.Cryptography;

namespace AlgoTrade.Web.Security;

/// <summary>
/// Security headers on every response, with a per-response CSP nonce that App.razor puts on each script. Scripts run
/// only from this origin or with the nonce, never eval. Styles allow inline because MudBlazor sets style attributes
/// and its theme &lt;style&gt; from the circuit, where no nonce can be attached.
/// </summary>
public static class SecurityHeaders
{
    private const string NonceKey = "AlgoTrade.CspNonce";

    public static string Nonce(HttpContext context) => (string)context.Items[NonceKey]!;

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        // Hex, so the value needs no HTML encoding in the script tags.
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(18));
        context.Items[NonceKey] = nonce;
        context.Response.OnStarting(() =>
        {
            var h = context.Response.Headers;
            h.ContentSecurityPolicy = $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; " +
                "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; " +
                "form-action 'self'; frame-ancestors 'none'";
            h.XContentTypeOptions = "nosniff";
            h.XFrameOptions = "DENY";
            h["Referrer-Policy"] = "strict-origin-when-cross-origin";
            h["Permissions-Policy"] = "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()";
            h["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next(context);
    });
}

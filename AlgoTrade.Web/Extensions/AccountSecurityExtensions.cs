using System.Threading.RateLimiting;
using AlgoTrade.Core.Email;
using AlgoTrade.Web.Security;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace AlgoTrade.Web.Extensions;

public static class AccountSecurityExtensions
{
    // Form posts of these pages are what an attacker would hammer.
    private static readonly string[] RateLimitedPaths =
        ["/account/login", "/account/login-2fa", "/account/register", "/account/forgot-password", "/account/reset-password", "/account/two-factor"];

    /// <summary>Server-side sessions, two-factor sign-in, auth rate limiting and email delivery of this node.</summary>
    public static IServiceCollection AddAlgoTradeAccountSecurity(this IServiceCollection services)
    {
        services.AddOptions<AuthRateLimitOptions>().BindConfiguration(AuthRateLimitOptions.Section);
        services.AddSingleton<SessionSignIn>();
        services.AddSingleton<AccountAttemptLimiter>();
        services.AddSingleton<TwoFactorLoginTicket>();
        services.AddSingleton<AdminTwoFactorPolicy>();
        services.AddScoped<RecentTwoFactorCheck>();
        services.AddHostedService(sp => sp.GetRequiredService<EmailDeliveryWorker>());

        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<AuthRateLimitOptions>>((o, auth) =>
        {
            var limits = auth.Value;
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                HttpMethods.IsPost(http.Request.Method) && RateLimitedPaths.Any(p => http.Request.Path.Equals(p, StringComparison.OrdinalIgnoreCase))
                    ? RateLimitPartition.GetFixedWindowLimiter("ip:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown"), _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = Math.Max(1, limits.PermitsPerIp), Window = limits.IpWindow, QueueLimit = 0, AutoReplenishment = true,
                    })
                    : RateLimitPartition.GetNoLimiter(""));
            o.OnRejected = async (context, ct) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = ((int)limits.IpWindow.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                context.HttpContext.Response.ContentType = "text/html; charset=utf-8";
                await context.HttpContext.Response.WriteAsync(
                    "<!DOCTYPE html><html><head><title>Too many attempts · AlgoTrade</title></head><body style=\"font-family:sans-serif;padding:2rem\">" +
                    "<h1>Too many attempts</h1><p id=\"rate-limited\">Too many sign-in attempts from your network. Wait a minute and try again.</p>" +
                    "<p><a href=\"/account/login\">Back to sign in</a></p></body></html>", ct);
            };
        });
        return services;
    }
}

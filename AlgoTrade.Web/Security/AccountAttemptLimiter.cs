using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace AlgoTrade.Web.Security;

/// <summary>
/// The per-account half of auth rate limiting (the per-IP half is the rate limiting middleware): a fixed window per
/// account and kind of attempt, so one account cannot be hammered from many addresses. Lockout after failed
/// passwords still applies on top.
/// </summary>
public sealed class AccountAttemptLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public AccountAttemptLimiter(IOptions<AuthRateLimitOptions> options)
    {
        var o = options.Value;
        _limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, o.PermitsPerAccount),
            Window = o.AccountWindow,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    public const string TooManyMessage = "Too many attempts for this account. Wait a few minutes and try again.";

    /// <param name="kind">login, reset, 2fa, …: each has its own budget.</param>
    public bool TryAcquire(string kind, string account)
    {
        using var lease = _limiter.AttemptAcquire($"{kind}:{account.Trim().ToLowerInvariant()}");
        return lease.IsAcquired;
    }

    /// <summary>Answers the form post with 429, as the per-IP limit does, so clients and monitoring see the same status.</summary>
    public static void MarkRejected(HttpContext? http)
    {
        if (http is { Response.HasStarted: false }) http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
    }

    public void Dispose() => _limiter.Dispose();
}

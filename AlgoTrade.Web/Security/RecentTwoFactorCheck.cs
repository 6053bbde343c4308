using AlgoTrade.Core.Accounts;
using Microsoft.AspNetCore.Components.Authorization;

namespace AlgoTrade.Web.Security;

/// <summary>
/// "Has this session passed a two-factor check lately?" for actions on API keys. Users without two-factor pass; the
/// others confirm a current code, which marks the session for <see cref="AccountSecurityOptions.RecentTwoFactorWindow"/>.
/// </summary>
public sealed class RecentTwoFactorCheck(
    AuthenticationStateProvider authState,
    TwoFactorService twoFactor,
    UserSessionService sessions,
    AccountAttemptLimiter limiter)
{
    public const string WrongCodeMessage = "That code is not valid, expired, or was already used.";

    public async Task<bool> IsSatisfiedAsync(CancellationToken ct = default)
    {
        var (userId, sessionId) = await WhoAsync();
        return !await twoFactor.IsEnabledAsync(userId, ct) || await sessions.HasRecentTwoFactorAsync(userId, sessionId, ct);
    }

    /// <returns>Null when the code was right (the session is marked), else the message to show.</returns>
    public async Task<string?> VerifyAsync(string? code, CancellationToken ct = default)
    {
        var (userId, sessionId) = await WhoAsync();
        if (!limiter.TryAcquire("2fa", userId.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            return AccountAttemptLimiter.TooManyMessage;
        if (!await twoFactor.VerifyCodeAsync(userId, code, ct))
            return WrongCodeMessage;
        if (sessionId is not null)
            await sessions.MarkTwoFactorVerifiedAsync(userId, sessionId, ct);
        return null;
    }

    private async Task<(int UserId, string? SessionId)> WhoAsync()
    {
        var user = (await authState.GetAuthenticationStateAsync()).User;
        return (user.GetUserId() ?? throw new UnauthorizedAccessException("No signed-in user."), user.GetSessionId());
    }
}

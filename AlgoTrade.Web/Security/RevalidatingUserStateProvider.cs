using AlgoTrade.Core.Accounts;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace AlgoTrade.Web.Security;

/// <summary>Re-checks a live circuit's user and session every 30 seconds, so deactivation or an ended session also ends open browser tabs.</summary>
public class RevalidatingUserStateProvider(ILoggerFactory loggerFactory, IServiceScopeFactory scopeFactory)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromSeconds(30);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        var principal = authenticationState.User;
        var userId = principal.GetUserId();
        if (userId is null) return false;
        await using var scope = scopeFactory.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserAccountService>().FindAsync(userId.Value, cancellationToken);
        if (!principal.IsCurrentFor(user)) return false;
        // An ended session (logout elsewhere, the Sessions page) also closes its open tabs.
        var session = await scope.ServiceProvider.GetRequiredService<UserSessionService>().CheckAsync(userId.Value, principal.GetSessionId(), cancellationToken);
        return session.Active;
    }
}

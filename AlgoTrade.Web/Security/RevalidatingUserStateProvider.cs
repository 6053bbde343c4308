using AlgoTrade.Core.Accounts;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace AlgoTrade.Web.Security;

/// <summary>Re-checks a live circuit's user and session every 30 seconds, so deactivation or an ended session also ends open browser tabs.</summary>
public class RevalidatingUserStateProvider(ILoggerFactory loggerFactory, IServiceScopeFactory scopeFactory, IHostApplicationLifetime lifetime)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromSeconds(30);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        var principal = authenticationState.User;
        var userId = principal.GetUserId();
        if (userId is null) return false;
        // While the app stops its services go away under the loop; the circuits end with the app anyway.
        if (lifetime.ApplicationStopping.IsCancellationRequested) return true;
        try
        {
            return await IsStillValidAsync(principal, userId.Value, cancellationToken);
        }
        catch (ObjectDisposedException) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            return true;
        }
    }

    private async Task<bool> IsStillValidAsync(System.Security.Claims.ClaimsPrincipal principal, int userId, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserAccountService>().FindAsync(userId, cancellationToken);
        if (!principal.IsCurrentFor(user)) return false;
        // An ended session (logout elsewhere, the Sessions page) also closes its open tabs.
        var session = await scope.ServiceProvider.GetRequiredService<UserSessionService>().CheckAsync(userId, principal.GetSessionId(), cancellationToken);
        return session.Active;
    }
}

using Microsoft.AspNetCore.Components.Authorization;

namespace AlgoTrade.Web.Security;

/// <summary>The signed-in user of this circuit or request; every user-scoped query starts from <see cref="GetIdAsync"/>.</summary>
public class CurrentUser(AuthenticationStateProvider authState)
{
    public async Task<int> GetIdAsync()
    {
        var state = await authState.GetAuthenticationStateAsync();
        return state.User.GetUserId() ?? throw new UnauthorizedAccessException("No signed-in user.");
    }

    public async Task<bool> IsAdminAsync()
    {
        var state = await authState.GetAuthenticationStateAsync();
        return state.User.IsInRole(Core.Domain.UserRoles.Admin);
    }
}

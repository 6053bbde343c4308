using AlgoTrade.Core.Accounts;
using AlgoTrade.Core.Domain;
using Microsoft.Extensions.Options;

namespace AlgoTrade.Web.Services;

/// <summary>Development only: a demo admin and trader so a newcomer can sign in at once.</summary>
public class DemoDataSeeder(UserAccountService accounts, IOptions<DemoSeedOptions> options, ILogger<DemoDataSeeder> logger)
{
    public async Task SeedAsync(CancellationToken ct = default)
    {
        var o = options.Value;
        await EnsureUserAsync(o.AdminEmail, o.AdminPassword, UserRoles.Admin, ct);
        await EnsureUserAsync(o.TraderEmail, o.TraderPassword, UserRoles.Trader, ct);
    }

    private async Task EnsureUserAsync(string email, string password, string role, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(password))
        {
            logger.LogWarning("Demo {Role} not seeded: no password configured", role);
            return;
        }
        var result = await accounts.RegisterAsync(email, password, role, ct);
        if (result.Succeeded)
            logger.LogInformation("Seeded demo {Role} {Email}", role, email);
        else if (!result.Errors.ContainsKey("Email"))
            logger.LogWarning("Demo {Role} not seeded: {Problems}", role, string.Join(" ", result.Errors.SelectMany(e => e.Value)));
    }
}

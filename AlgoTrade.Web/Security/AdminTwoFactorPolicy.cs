using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AlgoTrade.Web.Security;

/// <summary>The "require two-factor for admins" switch of the System page (app_settings), read at most every 15 seconds per node.</summary>
public sealed class AdminTwoFactorPolicy(IDbContextFactory<AlgoTradeDbContext> dbFactory, TimeProvider clock)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(15);
    private (DateTime Until, bool Value) _cached;

    public async Task<bool> IsRequiredAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (_cached.Until > now) return _cached.Value;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var value = await db.AppSettings.AsNoTracking().Where(s => s.Key == AppSettingKeys.RequireTwoFactorForAdmins).Select(s => s.Value).SingleOrDefaultAsync(ct);
        _cached = (now + CacheFor, value == "true");
        return _cached.Value;
    }

    public void Invalidate() => _cached = default;
}

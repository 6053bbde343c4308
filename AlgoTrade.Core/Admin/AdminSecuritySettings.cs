using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AlgoTrade.Core.Admin;

/// <summary>The System page's security switches (app_settings), each change audited with the admin who made it.</summary>
public sealed class AdminSecuritySettings(
    IDbContextFactory<AlgoTradeDbContext> dbFactory,
    TimeProvider clock,
    ILogger<AdminSecuritySettings> logger)
{
    public async Task<bool> IsTwoFactorRequiredForAdminsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.AppSettings.AsNoTracking().AnyAsync(s => s.Key == AppSettingKeys.RequireTwoFactorForAdmins && s.Value == "true", ct);
    }

    public async Task<AdminActionResult> SetTwoFactorRequiredForAdminsAsync(int adminUserId, bool required, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var setting = await db.AppSettings.SingleOrDefaultAsync(s => s.Key == AppSettingKeys.RequireTwoFactorForAdmins, ct);
        var previous = setting?.Value == "true";
        if (previous == required) return AdminActionResult.Ok;
        if (setting is null)
            db.AppSettings.Add(new AppSetting { Key = AppSettingKeys.RequireTwoFactorForAdmins, Value = required ? "true" : "false", UpdatedAt = now });
        else
        {
            setting.Value = required ? "true" : "false";
            setting.UpdatedAt = now;
        }
        AdminAudit.Record(db, adminUserId, AdminActions.RequireTwoFactorForAdmins, AdminActions.TargetSetting, AppSettingKeys.RequireTwoFactorForAdmins,
            new { from = previous, to = required }, now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        logger.LogWarning("Admin {AdminUserId} set two-factor sign-in required for admins to {Required}", adminUserId, required);
        return AdminActionResult.Ok;
    }
}

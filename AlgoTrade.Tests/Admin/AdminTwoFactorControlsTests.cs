using System.Globalization;
using System.Security.Claims;
using AlgoTrade.Core.Accounts;
using AlgoTrade.Core.Admin;
using AlgoTrade.Core.Bots;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Persistence;
using AlgoTrade.Tests.Infrastructure;
using AlgoTrade.Web.Components.Pages.Admin;
using AlgoTrade.Web.Security;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace AlgoTrade.Tests.Admin;

/// <summary>
/// The System page's "require two-factor for admins" switch and the Users page's two-factor reset, on a database of
/// their own: the switch is one global setting that would send every other test's admins to enrolment.
/// </summary>
public sealed class AdminTwoFactorControlsTests : MudBunitContext
{
    private FreshDatabase _database = default!;
    private ServiceProvider _core = default!;
    private User _admin = default!;

    public override async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateFreshAsync();
        await using (var db = Db())
        {
            await DatabaseSetup.MigrateAsync(db);
            _admin = await AdminTestData.AddUserAsync(db, UserRoles.Admin, prefix: "admin");
        }
        _core = CoreServices.Build(_database.ConnectionString, s =>
        {
            s.AddSingleton<AlgoTrade.Core.Runtime.IBotScheduleControl>(new FakeScheduleControl());
            s.AddSingleton<BotStopper>();
            s.AddSingleton<AdminUserService>();
            s.AddSingleton<AdminSecuritySettings>();
            s.AddSingleton<AdminTwoFactorPolicy>();
        });
        foreach (var type in new[] { typeof(AdminSecuritySettings), typeof(AdminTwoFactorPolicy), typeof(AdminUserService), typeof(TwoFactorService) })
            Services.AddSingleton(type, _core.GetRequiredService(type));
        Services.AddScoped<CurrentUser>();
        var auth = AddAuthorization();
        auth.SetAuthorized(_admin.Email).SetRoles(UserRoles.Admin);
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, _admin.Id.ToString(CultureInfo.InvariantCulture)));
    }

    protected override async ValueTask DisposeTestResourcesAsync()
    {
        await _core.DisposeAsync();
        await _database.DisposeAsync();
    }

    private const string SwitchInput = "input#require-2fa-admins, #require-2fa-admins input";

    private AlgoTradeDbContext Db() => TestDatabase.CreateContext(_database.ConnectionString);

    private async Task<List<AdminAuditEntry>> AuditAsync(string action)
    {
        await using var db = Db();
        return await db.AdminAuditLog.AsNoTracking().Where(a => a.Action == action).OrderBy(a => a.Id).ToListAsync();
    }

    [Fact]
    public async Task The_switch_writes_the_setting_the_enforcement_reads_and_every_change_is_audited()
    {
        var policy = _core.GetRequiredService<AdminTwoFactorPolicy>();
        Assert.False(await policy.IsRequiredAsync());
        var cut = Render<AdminTwoFactorSwitch>();
        cut.WaitForAssertion(() => Assert.Contains("Off: admins choose", cut.Find("#require-2fa-status").TextContent));

        cut.Find(SwitchInput).Change(true);

        cut.WaitForAssertion(() => Assert.Contains("On: an admin without two-factor", cut.Find("#require-2fa-status").TextContent));
        Assert.True(await policy.IsRequiredAsync());
        var on = Assert.Single(await AuditAsync(AdminActions.RequireTwoFactorForAdmins));
        Assert.Equal((_admin.Id, AdminActions.TargetSetting, AppSettingKeys.RequireTwoFactorForAdmins), (on.AdminUserId, on.TargetType, on.TargetId));
        Assert.False(on.Details!.RootElement.GetProperty("from").GetBoolean());
        Assert.True(on.Details.RootElement.GetProperty("to").GetBoolean());

        // Setting what is already set changes and audits nothing.
        Assert.True((await _core.GetRequiredService<AdminSecuritySettings>().SetTwoFactorRequiredForAdminsAsync(_admin.Id, true)).Succeeded);
        Assert.Single(await AuditAsync(AdminActions.RequireTwoFactorForAdmins));

        cut.Find(SwitchInput).Change(false);
        cut.WaitForAssertion(() => Assert.Contains("Off: admins choose", cut.Find("#require-2fa-status").TextContent));
        Assert.False(await policy.IsRequiredAsync());
        Assert.Equal(2, (await AuditAsync(AdminActions.RequireTwoFactorForAdmins)).Count);
    }

    [Fact]
    public async Task Reset_two_factor_asks_first_then_clears_it_and_is_audited()
    {
        User withTwoFactor, without;
        await using (var db = Db())
        {
            withTwoFactor = await AdminTestData.AddUserAsync(db, prefix: "lost-phone");
            without = await AdminTestData.AddUserAsync(db, prefix: "no-2fa");
            await db.Users.Where(u => u.Id == withTwoFactor.Id).ExecuteUpdateAsync(s => s
                .SetProperty(u => u.TwoFactorEnabledAt, DateTime.UtcNow).SetProperty(u => u.TwoFactorSecret, "protected-seed"));
        }
        var dialogs = Render<MudDialogProvider>();
        var cut = Render<AdminUsers>();
        cut.WaitForAssertion(() => Assert.Contains(without.Email, cut.Markup));
        Assert.Single(cut.FindAll(".at-reset-2fa"));

        // Found and clicked in one renderer step: the grid re-renders around the button while the dialog opens.
        await cut.InvokeAsync(() => cut.Find(".at-reset-2fa").Click());
        dialogs.WaitForAssertion(() => Assert.Contains("Reset two-factor sign-in?", dialogs.Markup));
        await dialogs.InvokeAsync(() => dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Cancel").Click());
        Assert.True(await _core.GetRequiredService<TwoFactorService>().IsEnabledAsync(withTwoFactor.Id));
        Assert.Empty(await AuditAsync(AdminActions.ResetTwoFactor));

        await cut.InvokeAsync(() => cut.Find(".at-reset-2fa").Click());
        dialogs.WaitForAssertion(() => Assert.Contains($"{withTwoFactor.Email} signs in with the password alone", dialogs.Markup));
        await dialogs.InvokeAsync(() => dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Reset two-factor").Click());

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll(".at-reset-2fa")));
        Assert.False(await _core.GetRequiredService<TwoFactorService>().IsEnabledAsync(withTwoFactor.Id));
        var audit = Assert.Single(await AuditAsync(AdminActions.ResetTwoFactor));
        Assert.Equal((_admin.Id, withTwoFactor.Id.ToString(CultureInfo.InvariantCulture)), (audit.AdminUserId, audit.TargetId));
    }
}

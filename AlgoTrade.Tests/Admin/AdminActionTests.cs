using AlgoTrade.Core.Admin;
using AlgoTrade.Core.Bots;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Persistence;
using AlgoTrade.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlgoTrade.Tests.Admin;

/// <summary>
/// User and bot administration on a database of its own: "the last active admin" is a fact about the whole users
/// table, which the run's shared database (full of other tests' admins) cannot pin down.
/// </summary>
public sealed class AdminActionTests : IAsyncLifetime
{
    private FreshDatabase _database = default!;
    private ServiceProvider _services = default!;
    private readonly FakeScheduleControl _scheduler = new();

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync();
        _services = BuildServices(withScheduler: true);
    }

    private ServiceProvider BuildServices(bool withScheduler) => CoreServices.Build(_database.ConnectionString, s =>
    {
        s.AddSingleton<BotStopper>();
        s.AddSingleton<AdminUserService>();
        s.AddSingleton<AdminBotService>();
        s.AddSingleton<AdminAuditQuery>();
        if (withScheduler) s.AddSingleton<AlgoTrade.Core.Runtime.IBotScheduleControl>(_scheduler);
    });

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    private AlgoTradeDbContext Db() => TestDatabase.CreateContext(_database.ConnectionString);

    private async Task<List<AdminAuditEntry>> AuditAsync()
    {
        await using var db = Db();
        return await db.AdminAuditLog.AsNoTracking().OrderBy(a => a.Id).ToListAsync();
    }

    [Fact]
    public async Task Deactivating_a_user_rotates_the_stamp_stops_every_bot_unschedules_it_and_is_audited()
    {
        await using var db = Db();
        var admin = await AdminTestData.AddUserAsync(db, UserRoles.Admin, prefix: "admin");
        var trader = await AdminTestData.AddUserAsync(db);
        var running = await AdminTestData.AddBotAsync(db, trader.Id, "Runner");
        var paused = await AdminTestData.AddBotAsync(db, trader.Id, "Pauser", status: BotStatus.Paused);
        var idle = await AdminTestData.AddBotAsync(db, trader.Id, "Idle", status: BotStatus.Stopped, active: false);
        var other = await AdminTestData.AddBotAsync(db, admin.Id, "Not theirs");
        var stamp = trader.SecurityStamp;

        var result = await _services.GetRequiredService<AdminUserService>().SetActiveAsync(admin.Id, trader.Id, false);
        Assert.True(result.Succeeded, result.Error);

        await using var check = Db();
        var user = await check.Users.AsNoTracking().SingleAsync(u => u.Id == trader.Id);
        Assert.False(user.IsActive);
        Assert.NotEqual(stamp, user.SecurityStamp);
        var bots = await check.BotConfigs.AsNoTracking().Include(b => b.State).Where(b => b.UserId == trader.Id).ToListAsync();
        Assert.All(bots, b =>
        {
            Assert.False(b.IsActive);
            Assert.Equal(BotStatus.Stopped, b.State!.Status);
        });
        var untouched = await check.BotConfigs.AsNoTracking().Include(b => b.State).SingleAsync(b => b.Id == other.Id);
        Assert.True(untouched.IsActive);
        Assert.Equal(BotStatus.Running, untouched.State!.Status);
        Assert.Equal(new[] { running.Id, paused.Id }.Order(), _scheduler.Unscheduled.Order());
        Assert.DoesNotContain(idle.Id, _scheduler.Unscheduled);
        var logged = await check.BotActivityLogs.AsNoTracking().Where(l => l.UserId == trader.Id).ToListAsync();
        Assert.Equal(new[] { running.Id, paused.Id }.Order(), logged.Select(l => l.BotConfigId).Order());
        Assert.All(logged, l => Assert.Equal("Stopped by an administrator: the account was deactivated. An open position stays open.", l.Message));

        var audit = Assert.Single(await AuditAsync());
        Assert.Equal(AdminActions.DeactivateUser, audit.Action);
        Assert.Equal(admin.Id, audit.AdminUserId);
        Assert.Equal(AdminActions.TargetUser, audit.TargetType);
        Assert.Equal(trader.Id.ToString(), audit.TargetId);
        Assert.Equal([running.Id, paused.Id], audit.Details!.RootElement.GetProperty("stoppedBots").EnumerateArray().Select(e => e.GetInt32()).Order());

        Assert.True((await _services.GetRequiredService<AdminUserService>().SetActiveAsync(admin.Id, trader.Id, true)).Succeeded);
        await using var again = Db();
        Assert.True((await again.Users.AsNoTracking().SingleAsync(u => u.Id == trader.Id)).IsActive);
        Assert.False((await again.BotConfigs.AsNoTracking().SingleAsync(b => b.Id == running.Id)).IsActive);
        Assert.Equal(AdminActions.ActivateUser, (await AuditAsync())[^1].Action);
    }

    [Fact]
    public async Task Stopping_works_before_scheduling_is_wired()
    {
        await using var unwired = BuildServices(withScheduler: false);
        await using var db = Db();
        var admin = await AdminTestData.AddUserAsync(db, UserRoles.Admin, prefix: "admin");
        var bot = await AdminTestData.AddBotAsync(db, admin.Id, "Solo");

        var result = await unwired.GetRequiredService<AdminBotService>().StopAsync(admin.Id, bot.Id);
        Assert.True(result.Succeeded, result.Error);
        await using var check = Db();
        var stored = await check.BotConfigs.AsNoTracking().Include(b => b.State).SingleAsync(b => b.Id == bot.Id);
        Assert.False(stored.IsActive);
        Assert.Equal(BotStatus.Stopped, stored.State!.Status);
        Assert.Empty(_scheduler.Unscheduled);
    }

    [Fact]
    public async Task Stopping_a_bot_is_audited_unscheduled_and_refused_when_already_stopped()
    {
        await using var db = Db();
        var admin = await AdminTestData.AddUserAsync(db, UserRoles.Admin, prefix: "admin");
        var trader = await AdminTestData.AddUserAsync(db);
        var bot = await AdminTestData.AddBotAsync(db, trader.Id, "Wild one", status: BotStatus.Error);
        var bots = _services.GetRequiredService<AdminBotService>();

        Assert.True((await bots.StopAsync(admin.Id, bot.Id)).Succeeded);
        Assert.Equal([bot.Id], _scheduler.Unscheduled);
        var again = await bots.StopAsync(admin.Id, bot.Id);
        Assert.False(again.Succeeded);
        Assert.Equal("The bot is already stopped.", again.Error);

        var audit = Assert.Single(await AuditAsync());
        Assert.Equal(AdminActions.StopBot, audit.Action);
        Assert.Equal(bot.Id.ToString(), audit.TargetId);
        Assert.Equal(BotStatusText.Error, audit.Details!.RootElement.GetProperty("previousStatus").GetString());
        Assert.Equal(trader.Email, audit.Details.RootElement.GetProperty("owner").GetString());

        // The owner reads on the bot's page that an administrator stopped it; the refused second stop adds nothing.
        await using (var check = Db())
        {
            var log = await check.BotActivityLogs.AsNoTracking().Where(l => l.BotConfigId == bot.Id).ToListAsync();
            var entry = Assert.Single(log);
            Assert.Equal((trader.Id, ActivityLogLevel.Info, "Stopped by an administrator. An open position stays open."), (entry.UserId, entry.LogLevel, entry.Message));
            Assert.Equal(BotStatusText.Error, entry.Details!.RootElement.GetProperty("previousStatus").GetString());
        }

        var row = Assert.Single((await bots.SearchAsync(new BotSearch(OwnerId: trader.Id))).Items);
        Assert.Equal((bot.Id, trader.Email, BotStatus.Stopped, false), (row.Id, row.OwnerEmail, row.Status, row.IsActive));
    }

    [Fact]
    public async Task The_last_active_admin_can_be_neither_demoted_nor_deactivated_even_by_themselves()
    {
        await using var db = Db();
        var admin = await AdminTestData.AddUserAsync(db, UserRoles.Admin, prefix: "admin");
        await AdminTestData.AddUserAsync(db, UserRoles.Admin, active: false, prefix: "retired-admin");
        var users = _services.GetRequiredService<AdminUserService>();

        var demote = await users.SetRoleAsync(admin.Id, admin.Id, UserRoles.Trader);
        var deactivate = await users.SetActiveAsync(admin.Id, admin.Id, false);
        Assert.False(demote.Succeeded);
        Assert.False(deactivate.Succeeded);
        Assert.Contains("last active admin", demote.Error);
        Assert.Empty(await AuditAsync());

        var trader = await AdminTestData.AddUserAsync(db);
        Assert.True((await users.SetRoleAsync(admin.Id, trader.Id, UserRoles.Admin)).Succeeded);
        Assert.True((await users.SetRoleAsync(trader.Id, admin.Id, UserRoles.Trader)).Succeeded);
        var lastOne = await users.SetActiveAsync(trader.Id, trader.Id, false);
        Assert.False(lastOne.Succeeded);

        await using var check = Db();
        Assert.Equal(UserRoles.Trader, (await check.Users.AsNoTracking().SingleAsync(u => u.Id == admin.Id)).Role);
        Assert.Equal([AdminActions.PromoteUser, AdminActions.DemoteUser], (await AuditAsync()).Select(a => a.Action));
        var demoteAudit = (await AuditAsync())[^1];
        Assert.Equal(trader.Id, demoteAudit.AdminUserId);
        Assert.Equal(UserRoles.Admin, demoteAudit.Details!.RootElement.GetProperty("from").GetString());
    }

    [Fact]
    public async Task Two_admins_demoting_each_other_at_once_leave_one_admin()
    {
        await using var db = Db();
        var a = await AdminTestData.AddUserAsync(db, UserRoles.Admin, prefix: "admin-a");
        var b = await AdminTestData.AddUserAsync(db, UserRoles.Admin, prefix: "admin-b");
        var users = _services.GetRequiredService<AdminUserService>();

        var results = await Task.WhenAll(users.SetRoleAsync(a.Id, b.Id, UserRoles.Trader), users.SetRoleAsync(b.Id, a.Id, UserRoles.Trader));
        Assert.Equal(1, results.Count(r => r.Succeeded));
        await using var check = Db();
        Assert.Equal(1, await check.Users.CountAsync(u => u.Role == UserRoles.Admin && u.IsActive));
    }

    [Fact]
    public async Task User_search_filters_by_email_role_status_and_creation_and_counts_bots_and_keys()
    {
        await using var db = Db();
        var marker = Guid.NewGuid().ToString("N")[..8];
        var old = new User { Email = $"old-{marker}@example.test", HashedPassword = "x", CreatedAt = new DateTime(2024, 1, 10, 0, 0, 0, DateTimeKind.Utc), UpdatedAt = DateTime.UtcNow };
        var recent = new User { Email = $"recent-{marker}@example.test", HashedPassword = "x", Role = UserRoles.Admin, CreatedAt = new DateTime(2025, 6, 1, 0, 0, 0, DateTimeKind.Utc), UpdatedAt = DateTime.UtcNow };
        var gone = new User { Email = $"gone-{marker}@example.test", HashedPassword = "x", IsActive = false, CreatedAt = new DateTime(2025, 6, 2, 0, 0, 0, DateTimeKind.Utc), UpdatedAt = DateTime.UtcNow };
        db.Users.AddRange(old, recent, gone);
        await db.SaveChangesAsync();
        await AdminTestData.AddBotAsync(db, old.Id, "one");
        await AdminTestData.AddBotAsync(db, old.Id, "two", status: BotStatus.Stopped, active: false);
        db.ApiKeys.Add(new ApiKey { UserId = old.Id, EncryptedApiKey = "enc", EncryptedSecretKey = "enc", Label = "main", MaskedKey = "abcd…wxyz" });
        await db.SaveChangesAsync();
        var users = _services.GetRequiredService<AdminUserService>();

        async Task<string[]> Emails(UserSearch s) => [.. (await users.SearchAsync(s)).Items.Select(u => u.Email)];
        Assert.Equal(new[] { recent.Email, gone.Email, old.Email }.Order(), (await Emails(new UserSearch(Email: marker.ToUpperInvariant()))).Order());
        Assert.Equal([recent.Email], await Emails(new UserSearch(Email: marker, Role: UserRoles.Admin)));
        Assert.Equal([gone.Email], await Emails(new UserSearch(Email: marker, IsActive: false)));
        Assert.Equal([gone.Email, recent.Email], await Emails(new UserSearch(Email: marker, CreatedFrom: new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc))));
        Assert.Equal([old.Email], await Emails(new UserSearch(Email: marker, CreatedTo: new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc))));
        Assert.Equal([old.Email, recent.Email], await Emails(new UserSearch(Email: marker, IsActive: true, SortBy: UserSortField.Email, Descending: false)));

        var row = Assert.Single((await users.SearchAsync(new UserSearch(Email: "old-" + marker))).Items);
        Assert.Equal((2, 1, 1), (row.BotCount, row.ActiveBotCount, row.ApiKeyCount));
        var paged = await users.SearchAsync(new UserSearch(Email: marker, PageSize: 2, Page: 1));
        Assert.Equal(3, paged.Total);
        Assert.Single(paged.Items);
    }
}

using AlgoTrade.Core.Admin;
using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Persistence;
using AlgoTrade.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlgoTrade.Tests.Admin;

/// <summary>Retention deletes rows on a database of its own, never in the run's shared one.</summary>
public sealed class RetentionTests : IAsyncLifetime
{
    private FreshDatabase _database = default!;
    private ServiceProvider _services = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync();
        _services = CoreServices.Build(_database.ConnectionString, s =>
        {
            s.AddOptions<AdminOptions>().Configure(o =>
            {
                o.RetentionBatchSize = 7;
                o.RetentionBatchPause = TimeSpan.Zero;
                o.RetentionStartDelay = TimeSpan.Zero;
                o.RetentionInterval = TimeSpan.FromMilliseconds(200);
            });
            s.AddSingleton<ActivityLogRetention>();
            s.AddSingleton<ActivityLogRetentionService>();
        });
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task<(User Admin, BotConfig Bot)> SeedAsync(int oldRows, int newRows)
    {
        await using var db = TestDatabase.CreateContext(_database.ConnectionString);
        var admin = await AdminTestData.AddUserAsync(db, UserRoles.Admin, prefix: "admin");
        var bot = await AdminTestData.AddBotAsync(db, admin.Id, "Chatty");
        var now = DateTime.UtcNow;
        db.BotActivityLogs.AddRange(Enumerable.Range(0, oldRows).Select(i => AdminTestData.Log(bot, now.AddDays(-40).AddMinutes(-i), ActivityLogLevel.Info, $"old {i}")));
        db.BotActivityLogs.AddRange(Enumerable.Range(0, newRows).Select(i => AdminTestData.Log(bot, now.AddDays(-5).AddMinutes(-i), ActivityLogLevel.Info, $"new {i}")));
        await db.SaveChangesAsync();
        return (admin, bot);
    }

    private async Task<List<string>> MessagesAsync()
    {
        await using var db = TestDatabase.CreateContext(_database.ConnectionString);
        return await db.BotActivityLogs.Select(l => l.Message).ToListAsync();
    }

    [Fact]
    public async Task Purge_deletes_only_rows_older_than_the_cutoff_in_several_batches()
    {
        await SeedAsync(oldRows: 30, newRows: 12);
        var retention = _services.GetRequiredService<ActivityLogRetention>();
        var deleted = await retention.PurgeOlderThanAsync(DateTime.UtcNow.AddDays(-30));
        Assert.Equal(30, deleted);
        var left = await MessagesAsync();
        Assert.Equal(12, left.Count);
        Assert.All(left, m => Assert.StartsWith("new", m));
    }

    [Fact]
    public async Task The_setting_is_persisted_validated_audited_and_applied()
    {
        var (admin, _) = await SeedAsync(oldRows: 9, newRows: 3);
        var retention = _services.GetRequiredService<ActivityLogRetention>();
        Assert.Null(await retention.GetRetentionDaysAsync());
        Assert.Equal(0, await retention.ApplyAsync());

        Assert.False((await retention.SetRetentionDaysAsync(admin.Id, 0)).Succeeded);
        Assert.True((await retention.SetRetentionDaysAsync(admin.Id, 30)).Succeeded);
        Assert.Equal(30, await retention.GetRetentionDaysAsync());
        Assert.Equal(9, await retention.ApplyAsync());
        Assert.Equal(3, (await MessagesAsync()).Count);

        Assert.True((await retention.SetRetentionDaysAsync(admin.Id, null)).Succeeded);
        Assert.Null(await retention.GetRetentionDaysAsync());

        await using var db = TestDatabase.CreateContext(_database.ConnectionString);
        var audit = await db.AdminAuditLog.AsNoTracking().OrderBy(a => a.Id).ToListAsync();
        Assert.Equal([AdminActions.ChangeRetention, AdminActions.ChangeRetention], audit.Select(a => a.Action));
        Assert.Equal(30, audit[0].Details!.RootElement.GetProperty("to").GetInt32());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, audit[1].Details!.RootElement.GetProperty("to").ValueKind);
    }

    [Fact]
    public async Task The_background_service_applies_the_setting_on_its_own()
    {
        var (admin, _) = await SeedAsync(oldRows: 20, newRows: 4);
        await _services.GetRequiredService<ActivityLogRetention>().SetRetentionDaysAsync(admin.Id, 10);
        var service = _services.GetRequiredService<ActivityLogRetentionService>();
        await service.StartAsync(CancellationToken.None);
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(15);
            while ((await MessagesAsync()).Count > 4 && DateTime.UtcNow < deadline)
                await Task.Delay(100);
            Assert.Equal(4, (await MessagesAsync()).Count);
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Storage_reports_the_table_size_and_time_span()
    {
        await SeedAsync(oldRows: 5, newRows: 5);
        var storage = await _services.GetRequiredService<ActivityLogRetention>().GetStorageAsync();
        Assert.True(storage.TotalBytes > 0);
        Assert.True(storage.TotalBytes >= storage.TableBytes + storage.IndexBytes);
        Assert.NotNull(storage.Oldest);
        Assert.True(storage.Newest > storage.Oldest);
    }
}

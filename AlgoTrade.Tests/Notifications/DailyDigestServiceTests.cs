using AlgoTrade.Core.Domain;
using AlgoTrade.Core.Email;
using AlgoTrade.Core.Notifications;
using AlgoTrade.Core.Persistence;
using AlgoTrade.Core.Trading;
using AlgoTrade.Tests.Admin;
using AlgoTrade.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlgoTrade.Tests.Notifications;

/// <summary>
/// The daily digest on a database of its own (it scans every user), with a manual clock: once per user and UTC day,
/// also when two nodes run it at the same moment, and with the right numbers, read back from smtp4dev.
/// </summary>
public sealed class DailyDigestServiceTests : IAsyncLifetime
{
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 12, 7, 6, 30, 0, TimeSpan.Zero));
    private readonly Smtp4devInbox _inbox = Smtp4devInbox.FromEnvironment();
    private readonly List<ServiceProvider> _nodes = [];
    private FreshDatabase _database = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateFreshAsync();
        await using var db = Db();
        await DatabaseSetup.MigrateAsync(db);
    }

    public async Task DisposeAsync()
    {
        foreach (var node in _nodes) await node.DisposeAsync();
        await _database.DisposeAsync();
        _inbox.Dispose();
    }

    private AlgoTradeDbContext Db() => TestDatabase.CreateContext(_database.ConnectionString);

    private ServiceProvider Node()
    {
        var node = CoreServices.Build(_database.ConnectionString, s =>
        {
            s.AddSingleton<TimeProvider>(_clock);
            NotificationServiceCollectionExtensions.AddAlgoTradeNotifications(s);
        }, _inbox.AppSettings(new Uri("http://algotrade.test")));
        _nodes.Add(node);
        return node;
    }

    private async Task<User> UserAsync(bool enabled = true, int hour = 7, bool verified = true)
    {
        await using var db = Db();
        var user = await AdminTestData.AddUserAsync(db, prefix: "digest");
        await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s
            .SetProperty(u => u.DigestEnabled, enabled).SetProperty(u => u.DigestHourUtc, hour)
            .SetProperty(u => u.EmailVerifiedAt, verified ? _clock.UtcNow.AddDays(-3) : null));
        return user;
    }

    private async Task<Dictionary<int, int>> DigestsPerUserAsync()
    {
        await using var db = Db();
        return await db.EmailDeliveries.Where(e => e.Kind == EmailKinds.Digest).GroupBy(e => e.UserId!.Value)
            .ToDictionaryAsync(g => g.Key, g => g.Count());
    }

    [Fact]
    public async Task Each_due_user_gets_one_digest_a_day_even_when_two_nodes_run_the_job_at_once()
    {
        var due = new List<User>();
        for (var i = 0; i < 12; i++) due.Add(await UserAsync());
        var off = await UserAsync(enabled: false);
        var unverified = await UserAsync(verified: false);
        var evening = await UserAsync(hour: 22);
        var nodeA = Node().GetRequiredService<DailyDigestService>();
        var nodeB = Node().GetRequiredService<DailyDigestService>();

        Assert.Equal(0, await nodeA.SendDueAsync());

        _clock.Set(new DateTimeOffset(2026, 12, 7, 7, 2, 0, TimeSpan.Zero));
        var counts = await Task.WhenAll(nodeA.SendDueAsync(), nodeB.SendDueAsync(), nodeA.SendDueAsync(), nodeB.SendDueAsync());
        Assert.Equal(12, counts.Sum());
        var perUser = await DigestsPerUserAsync();
        Assert.Equal(due.Select(u => u.Id).Order(), perUser.Keys.Order());
        Assert.All(perUser.Values, n => Assert.Equal(1, n));

        // Later the same day: nothing new; the evening user's hour comes.
        _clock.Set(new DateTimeOffset(2026, 12, 7, 22, 2, 0, TimeSpan.Zero));
        Assert.Equal(1, await nodeB.SendDueAsync());
        Assert.Equal(1, (await DigestsPerUserAsync())[evening.Id]);
        Assert.DoesNotContain(off.Id, (await DigestsPerUserAsync()).Keys);
        Assert.DoesNotContain(unverified.Id, (await DigestsPerUserAsync()).Keys);

        // The next day everyone due gets the next one, still once.
        _clock.Set(new DateTimeOffset(2026, 12, 8, 23, 0, 0, TimeSpan.Zero));
        Assert.Equal(13, (await Task.WhenAll(nodeA.SendDueAsync(), nodeB.SendDueAsync())).Sum());
        Assert.All((await DigestsPerUserAsync()).Values, n => Assert.Equal(2, n));
    }

    [Fact]
    public async Task The_digest_shows_trades_and_pnl_per_bot_and_the_errors_of_the_last_24_hours()
    {
        var user = await UserAsync();
        var now = new DateTime(2026, 12, 7, 7, 2, 0, DateTimeKind.Utc);
        await using (var db = Db())
        {
            var btc = await AdminTestData.AddBotAsync(db, user.Id, "BTC trend", "BTCUSDT");
            var eth = await AdminTestData.AddBotAsync(db, user.Id, "ETH dip", "ETHUSDT", BotStatus.Error, active: false);
            Trade Trade(DateTime at, OrderSide side, decimal? pnl) => new()
            {
                UserId = user.Id, BotConfigId = btc.Id, Symbol = "BTCUSDT", Side = side, OrderType = OrderTypes.Market, Price = 100,
                QuantityFilled = 1, QuoteQuantityFilled = 100, Pnl = pnl, Timestamp = at,
            };
            db.Trades.AddRange(Trade(now.AddHours(-20), OrderSide.Buy, null), Trade(now.AddHours(-2), OrderSide.Sell, 12.5m),
                Trade(now.AddHours(-25), OrderSide.Sell, 100m));
            db.BotActivityLogs.AddRange(
                AdminTestData.Log(eth, now.AddHours(-2).AddMinutes(-2), ActivityLogLevel.Error, "Bot stopped with status error: binance: Invalid API-key"),
                AdminTestData.Log(eth, now.AddHours(-30), ActivityLogLevel.Error, "an old error"),
                AdminTestData.Log(btc, now.AddHours(-1), ActivityLogLevel.Info, "Bought 1 BTCUSDT"));
            await db.SaveChangesAsync();
        }
        _clock.Set(now);
        var node = Node();

        Assert.Equal(1, await node.GetRequiredService<DailyDigestService>().SendDueAsync());
        Assert.Equal(1, await node.GetRequiredService<EmailDeliveryWorker>().RunOnceAsync(CancellationToken.None));

        var mail = await _inbox.WaitForAsync(user.Email, "Your AlgoTrade summary for 2026-12-07");
        Assert.Contains("From 2026-12-06 07:02 to 2026-12-07 07:02 UTC.", mail.Text);
        Assert.Contains("Trades: 2 · realised PnL: +12.50 · errors: 1", mail.Text);
        Assert.Contains("BTC trend (BTCUSDT, running): 2 trades, PnL +12.50", mail.Text);
        Assert.Contains("ETH dip (ETHUSDT, error): 0 trades, PnL 0.00", mail.Text);
        Assert.Contains("Error 05:00 ETH dip: Bot stopped with status error: binance: Invalid API-key", mail.Text);
        Assert.DoesNotContain("an old error", mail.Text);
        Assert.Contains("BTC trend (BTCUSDT, running): 2 trades, PnL +12.50", mail.Html);

        // Its unsubscribe link switches the digest off.
        var token = Uri.UnescapeDataString(new Uri(mail.Link("/email/unsubscribe")).Query["?token=".Length..]);
        Assert.Equal((user.Id, EmailKinds.Digest), node.GetRequiredService<UnsubscribeTokens>().Read(token));
        Assert.True(await node.GetRequiredService<NotificationPreferenceService>().UnsubscribeAsync(user.Id, EmailKinds.Digest));
        _clock.Set(now.AddDays(1));
        Assert.Equal(0, await node.GetRequiredService<DailyDigestService>().SendDueAsync());
    }
}
